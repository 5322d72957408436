// The read cache shared by every instance through Redis: one upstream call per key per TTL across
// all of them. Keys are "<namespace>:<rest>" (namespace = the operation name); a write clears a
// namespace everywhere by bumping its generation, which is part of every value's Redis key, so
// the next read at any instance misses. Layout under the prefix:
//   gen:<ns>                     generation counter
//   val:<ns>:<gen>:<rest>        {v, fetchedAt, freshUntil}, kept MAX_STALE beyond freshness
//   lock:<ns>:<gen>:<rest>       the instance loading it (SET NX PX), so others wait instead of calling
//   err:<ns>:<gen>:<rest>        that load's failure, for the readers that waited on it (1 s)
// A value loaded under an old generation is not stored (a write happened meanwhile).
// Any Redis failure surfaces as RedisUnavailable before the upstream call, and the caller falls
// back to its in-process cache; after the upstream call a Redis failure only skips storing.
// Each instance keeps the last values it decoded (DecodedValues): while Redis holds the same text
// under a key, a read answers the same object rather than parsing it again, so work memoized on a
// value (the Charges breakdown's sorted view of 10,000 rows) is done once per value, not per request.
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Shared } from "./redis";

export class RedisUnavailable extends Error {
  override name = "RedisUnavailable";
}

export interface Entry<T = unknown> {
  v: T;
  /** When this value came from upstream (epoch ms). */
  fetchedAt: number;
  /** Served as is until then. */
  freshUntil: number;
}

export interface SharedReadOptions {
  /** How old a value may be and still stand in for a transiently failing upstream. */
  maxStaleMs: number;
  isTransient: (error: unknown) => boolean;
  /** Errors cross instances as JSON. */
  encodeError: (error: unknown) => unknown;
  decodeError: (encoded: unknown) => Error;
  now?: () => number;
  pollMs?: number;
  /** How long a loader may hold the lock (longer than the slowest load with its retries). */
  lockMs?: number;
}

const READ = `
local gen = redis.call('GET', KEYS[1]) or '0'
local suffix = ARGV[2] .. ':' .. gen .. ':' .. ARGV[3]
return {gen, redis.call('GET', ARGV[1] .. 'val:' .. suffix), redis.call('GET', ARGV[1] .. 'err:' .. suffix)}`;

// Stores the value only if no write bumped the generation since the load began; frees the lock if ours.
const STORE = `
local gen = redis.call('GET', KEYS[1]) or '0'
if gen == ARGV[1] and ARGV[3] ~= '' then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('SET', KEYS[4], ARGV[5], 'PX', 1000) end
if redis.call('GET', KEYS[3]) == ARGV[2] then redis.call('DEL', KEYS[3]) end
return gen == ARGV[1] and 1 or 0`;

/** Per instance, the entries last read or stored under each value key, with their JSON text. */
class DecodedValues {
  private readonly entries: LRUCache<string, { raw: string; entry: Entry }>;
  constructor(maxChars: number) {
    this.entries = new LRUCache({ maxSize: maxChars, sizeCalculation: (e) => Math.max(1, e.raw.length) });
  }

  decode<T>(key: string, raw: string): Entry<T> {
    const hit = this.entries.get(key);
    if (hit && hit.raw === raw) return hit.entry as Entry<T>;
    const entry = JSON.parse(raw) as Entry<T>;
    this.remember(key, raw, entry);
    return entry;
  }

  remember(key: string, raw: string, entry: Entry): void {
    this.entries.set(key, { raw, entry });
  }
}

/** Text of decoded values kept per instance (the 10,000-number breakdown is about 2.6 million). */
const DECODED_MAX_CHARS = 32 * 1024 * 1024;
const decodedBy = new WeakMap<Shared, DecodedValues>();
const decodedValues = (shared: Shared) => {
  let d = decodedBy.get(shared);
  if (!d) decodedBy.set(shared, (d = new DecodedValues(DECODED_MAX_CHARS)));
  return d;
};

const split = (key: string) => {
  const i = key.indexOf(":");
  return i < 0 ? { ns: key, rest: "" } : { ns: key.slice(0, i), rest: key.slice(i + 1) };
};

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new RedisUnavailable((error as Error)?.message ?? String(error));
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads `key` through the shared cache: a fresh value from Redis, or one upstream call (`load`)
 * across all instances while the others wait for its result (or its error).
 */
export async function sharedCachedRead<T>(
  shared: Shared,
  key: string,
  ttl: number,
  load: () => Promise<{ value: T; size: number }>,
  options: SharedReadOptions,
): Promise<T> {
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 20;
  const lockMs = options.lockMs ?? 45_000;
  const { ns, rest } = split(key);
  const genKey = shared.key("gen", ns);
  const decoded = decodedValues(shared);
  const read = async () => {
    const [gen, val, err] = (await run(() => shared.client.eval(READ, 1, genKey, shared.prefix, ns, rest))) as [string, string | null, string | null];
    return {
      gen,
      entry: val ? decoded.decode<T>(`${ns}:${gen}:${rest}`, val) : undefined,
      err: err ? (JSON.parse(err) as { at: number; error: unknown }) : undefined,
    };
  };
  const waitingSince = now();
  const deadline = waitingSince + lockMs + 1_000;

  for (;;) {
    const { gen, entry, err } = await read();
    if (entry && now() < entry.freshUntil) return entry.v;
    // The load we were waiting for failed: share its error rather than calling again at once.
    if (err && err.at >= waitingSince) throw options.decodeError(err.error);

    const suffix = `${ns}:${gen}:${rest}`;
    const lockKey = shared.key("lock", suffix);
    const token = randomUUID();
    const locked = await run(() => shared.client.set(lockKey, token, "PX", lockMs, "NX"));
    if (!locked) {
      if (now() > deadline) throw new RedisUnavailable("the instance loading this read never finished");
      await sleep(pollMs);
      continue;
    }

    // Ours. Another instance may have stored it between our read and our lock.
    const again = await read().catch(async (e) => {
      await shared.client.del(lockKey).catch(() => {});
      throw e;
    });
    const store = (value: Entry<T> | null, error: unknown = undefined) => {
      const raw = value ? JSON.stringify(value) : "";
      if (value) decoded.remember(suffix, raw, value);
      return shared.client
        .eval(
          STORE,
          4,
          genKey,
          shared.key("val", suffix),
          lockKey,
          shared.key("err", suffix),
          gen,
          token,
          raw,
          String(options.maxStaleMs + ttl),
          error === undefined ? "" : JSON.stringify({ at: now(), error: options.encodeError(error) }),
        )
        .catch(() => 0); // Redis went away after the upstream call: the value is still good to return.
    };
    if (again.entry && now() < again.entry.freshUntil) {
      await store(null);
      return again.entry.v;
    }

    let loaded: { value: T; size: number };
    try {
      loaded = await load();
    } catch (error) {
      const stale = again.entry ?? entry;
      if (stale && options.isTransient(error) && now() - stale.fetchedAt < options.maxStaleMs) {
        // Serve the last good value for another TTL instead of failing every reader.
        await store({ ...stale, freshUntil: now() + ttl });
        return stale.v;
      }
      await store(null, error);
      throw error;
    }
    const t = now();
    await store({ v: loaded.value, fetchedAt: t, freshUntil: t + ttl });
    return loaded.value;
  }
}

/** Clears the namespaces (operation names) at every instance: the next read of each goes upstream. */
export async function sharedInvalidate(shared: Shared, namespaces: readonly string[]): Promise<void> {
  if (namespaces.length === 0) return;
  const pipeline = shared.client.multi();
  for (const ns of namespaces) pipeline.incr(shared.key("gen", ns));
  await run(() => pipeline.exec());
}
