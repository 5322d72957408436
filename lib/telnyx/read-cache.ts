import "server-only";
import { LRUCache } from "lru-cache";
import { ApiError, type ApiErrorItem, type ErrorCode } from "@/lib/api/errors";
import { sharedRedis } from "@/lib/shared/redis";
import { RedisUnavailable, sharedCachedRead, sharedInvalidate, type SharedReadOptions } from "@/lib/shared/read-cache";

interface Entry {
  value: unknown;
  fetchedAt: number;
  size: number;
}
interface Context {
  load: () => Promise<{ value: unknown; size: number }>;
  ttl: number;
}

/** How old a cached read may be and still stand in for an upstream that is failing. */
export const MAX_STALE_MS = 5 * 60_000;

function isTransient(error: unknown): boolean {
  return error instanceof ApiError
    ? ["rate_limited", "upstream_unavailable", "upstream_timeout"].includes(error.code)
    : false;
}

// lru-cache's fetch() coalesces concurrent loads of one key into one call and caches the result
// for its TTL. When a reload fails with a transient upstream error, the last good value (up to
// MAX_STALE_MS old) is served again for another TTL, so an outage or a 429 storm costs one
// upstream call per key per TTL instead of one per reader.
// One cache per process on globalThis: Next bundles route handlers and pages separately, each with
// its own copy of this module, and a write through a route must invalidate what pages read too.
const g = globalThis as typeof globalThis & { __telnyxReadCache?: LRUCache<string, Entry, Context> };
const cache = (g.__telnyxReadCache ??= new LRUCache<string, Entry, Context>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (entry) => Math.max(1, entry.size),
  ttl: 60_000,
  fetchMethod: async (_key, stale, { context, options }) => {
    try {
      const { value, size } = await context.load();
      options.ttl = context.ttl;
      return { value, size, fetchedAt: Date.now() };
    } catch (error) {
      if (stale && isTransient(error) && Date.now() - stale.fetchedAt < MAX_STALE_MS) {
        options.ttl = context.ttl;
        return stale;
      }
      throw error;
    }
  },
}));

// With REDIS_URL the cache is shared by every instance (lib/shared/read-cache.ts); the in-process
// one above then only stands in while Redis is unreachable.
const sharedOptions: SharedReadOptions = {
  maxStaleMs: MAX_STALE_MS,
  isTransient,
  encodeError: (error) =>
    error instanceof ApiError
      ? { code: error.code, detail: error.message, status: error.status, items: error.items, headers: error.headers }
      : { detail: "The dashboard's server failed while reading from Telnyx." },
  decodeError: (encoded) => {
    const e = encoded as { code?: ErrorCode; detail: string; status?: number; items?: ApiErrorItem[]; headers?: Record<string, string> };
    return new ApiError(e.code ?? "internal", e.detail, { status: e.status, items: e.items, headers: e.headers });
  },
};
const gi = globalThis as typeof globalThis & { __sharedReadsInflight?: Map<string, Promise<unknown>>; __pendingInvalidations?: Set<string> };
/** Concurrent identical reads in this process share one trip to Redis (and at most one upstream call). */
const inflight = (gi.__sharedReadsInflight ??= new Map());
/** Namespaces a write could not clear in Redis (it was down): cleared when it is back. */
const pendingInvalidations = (gi.__pendingInvalidations ??= new Set());

function localRead<T>(key: string, ttl: number, load: () => Promise<{ value: T; size: number }>): Promise<T> {
  return cache.fetch(key, { context: { load, ttl }, ttl }).then((entry) => entry!.value as T);
}

export async function cachedRead<T>(
  key: string,
  ttl: number,
  load: () => Promise<{ value: T; size: number }>,
): Promise<T> {
  const redis = sharedRedis();
  const shared = redis?.available();
  if (!redis || !shared) return localRead(key, ttl, load);
  const running = inflight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const read = (async () => {
    if (pendingInvalidations.size) {
      await sharedInvalidate(shared, [...pendingInvalidations]);
      pendingInvalidations.clear();
    }
    const value = await sharedCachedRead(shared, key, ttl, load, sharedOptions);
    // Redis is the cache again: what this process kept during an outage may be outdated by now.
    if (cache.size) cache.clear();
    return value;
  })().catch((error: unknown) => {
    if (!(error instanceof RedisUnavailable)) throw error;
    redis.failed(error);
    return localRead(key, ttl, load);
  });
  inflight.set(key, read);
  try {
    return await read;
  } finally {
    inflight.delete(key);
  }
}

const namespaceOf = (prefix: string) => prefix.replace(/:$/, "");

/**
 * Drops every cached read whose key starts with one of the prefixes ("<operation>:"), here and,
 * with Redis, at every instance.
 */
export async function invalidateReads(prefixes: readonly string[]): Promise<void> {
  for (const key of [...cache.keys()]) if (prefixes.some((p) => key.startsWith(p))) cache.delete(key);
  const redis = sharedRedis();
  if (!redis || prefixes.length === 0) return;
  const namespaces = prefixes.map(namespaceOf);
  const shared = redis.available();
  try {
    if (!shared) throw new RedisUnavailable("not connected");
    await sharedInvalidate(shared, namespaces);
  } catch (error) {
    redis.failed(error);
    for (const ns of namespaces) pendingInvalidations.add(ns);
  }
}

export function clearReadCache(): void {
  cache.clear();
  inflight.clear();
  pendingInvalidations.clear();
}
