// Test services shared by the vitest harness (testing.ts), the two-instance e2e test and the
// benchmark: probes of Postgres and Redis, a throwaway Postgres database, deleting a Redis prefix.
// Nothing here stops, restarts or flushes a shared server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import Redis from "ioredis";

export const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://root@127.0.0.1:5432/postgres";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
/** Unique per run; TEST_DB_TAG names who made it (default "dashboard"). */
export const uniqueName = (kind = "test") => `${process.env.TEST_DB_TAG || "dashboard"}_${kind}_${process.pid}_${randomBytes(4).toString("hex")}`;
/** A URL without its credentials, for messages. */
export const hideCredentials = (url: string) => url.replace(/\/\/[^@/]*@/, "//");

export type Probe = { ok: true } | { ok: false; reason: string };

export async function probePostgres(): Promise<Probe> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query("select 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function probeRedis(): Promise<Probe> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 1_500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  } finally {
    client.disconnect();
  }
}

/** A fresh Postgres database; returns its URL and a function that drops it. */
export async function createTestPostgresDatabase(kind = "test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueName(kind);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}


/** Deletes the keys under `prefix` (SCAN + DEL: never a flush). */
export async function deleteRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await client.del(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
