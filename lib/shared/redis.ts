// The optional Redis connection (REDIS_URL) for what instances must share: the read cache and its
// coalescing, invalidations, and the 429 hold / retry pacing. Redis is never required: while it is
// unreachable every caller falls back to its in-process behaviour (`shared()` answers null), a
// warning is logged once per outage, and the client keeps reconnecting in the background.
// Commands fail fast instead of queueing (no offline queue, a command timeout), and after a failure
// Redis is left alone for a few seconds, so a vanished (or black-holed) Redis costs at most one
// timeout per few seconds, never an error.
import Redis, { type RedisOptions } from "ioredis";
import { parseServerEnv } from "../env-schema.mjs";
import { log } from "../log";

export const DEFAULT_PREFIX = "telnyx-dashboard:";

export interface Shared {
  client: Redis;
  /** Every key starts with this (REDIS_PREFIX), so deployments and test runs can share a server. */
  prefix: string;
  key: (...parts: string[]) => string;
}

export interface SharedRedis extends Shared {
  url: string;
  /** Null while disconnected: callers then use their in-process fallback. */
  available(): Shared | null;
  /** A command failed: logged once per outage (the client reconnects by itself). */
  failed(error: unknown): void;
  close(): Promise<void>;
}

export function redisOptions(overrides: RedisOptions = {}): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Generous: a busy machine delays replies, and a timeout means an extra upstream call.
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    // Keep trying, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...overrides,
  };
}

/** A connection with the outage bookkeeping. `url` may be redis:// or rediss:// (TLS). */
/** After a failed command, Redis is not used for this long (the connection may look fine: a timeout). */
export const BACKOFF_MS = 5_000;

export function createSharedRedis(url: string, prefix: string, overrides: RedisOptions = {}): SharedRedis {
  const client = new Redis(url, redisOptions(overrides));
  let down = false;
  let backoffUntil = 0;
  const markDown = (message: string) => {
    backoffUntil = Date.now() + BACKOFF_MS;
    if (down) return;
    down = true;
    log.warn("redis.unavailable", { message, fallback: "in-process cache and pacing until it is back" });
  };
  client.on("error", (e: Error) => markDown(e.message));
  client.on("close", () => markDown("connection closed"));
  client.on("ready", () => {
    if (down) log.info("redis.restored", {});
    down = false;
    backoffUntil = 0;
  });
  const shared: Shared = { client, prefix, key: (...parts) => prefix + parts.join(":") };
  return {
    ...shared,
    url,
    available: () => (client.status === "ready" && Date.now() >= backoffUntil ? shared : null),
    failed: (error) => markDown((error as Error)?.message ?? String(error)),
    close: async () => {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}

// One per process on globalThis (Next evaluates modules once per bundle).
const g = globalThis as typeof globalThis & { __sharedRedis?: { url: string; prefix: string; redis: SharedRedis } | null };

/** The process-wide connection for REDIS_URL, or null when REDIS_URL is unset. */
export function sharedRedis(): SharedRedis | null {
  const env = parseServerEnv(process.env);
  if (!env.REDIS_URL) return null;
  const prefix = env.REDIS_PREFIX ?? DEFAULT_PREFIX;
  const current = g.__sharedRedis;
  if (current && current.url === env.REDIS_URL && current.prefix === prefix) return current.redis;
  if (current) void current.redis.close();
  const redis = createSharedRedis(env.REDIS_URL, prefix);
  g.__sharedRedis = { url: env.REDIS_URL, prefix, redis };
  return redis;
}

/** Readiness: "off" without REDIS_URL, else whether a PING answers in time. */
export async function redisStatus(): Promise<"ok" | "down" | "off"> {
  const redis = sharedRedis();
  if (!redis) return "off";
  if (!redis.available() && ["connecting", "connect", "wait"].includes(redis.client.status)) {
    // Just started: give the first connection a moment rather than report an outage.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.client.off("ready", done);
        resolve();
      };
      const timer = setTimeout(done, 1_000);
      redis.client.once("ready", done);
    });
  }
  if (!redis.available()) return "down";
  try {
    await redis.client.ping();
    return "ok";
  } catch {
    return "down";
  }
}

export async function closeSharedRedis(): Promise<void> {
  const current = g.__sharedRedis;
  g.__sharedRedis = undefined;
  if (current) await current.redis.close();
}
