import "server-only";
import { LRUCache } from "lru-cache";
import { ApiError } from "@/lib/api/errors";

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

export async function cachedRead<T>(
  key: string,
  ttl: number,
  load: () => Promise<{ value: T; size: number }>,
): Promise<T> {
  const entry = await cache.fetch(key, { context: { load, ttl }, ttl });
  return entry!.value as T;
}

/** Drops every cached read whose key starts with one of the prefixes. */
export function invalidateReads(prefixes: readonly string[]): void {
  for (const key of [...cache.keys()]) if (prefixes.some((p) => key.startsWith(p))) cache.delete(key);
}

export function clearReadCache(): void {
  cache.clear();
}
