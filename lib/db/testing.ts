// Test harness for the data layer on both engines. SQLite always; Postgres and Redis whenever they
// answer on 127.0.0.1 (or at TEST_DATABASE_URL / TEST_REDIS_URL). Each test file gets its own
// SQLite file, Postgres database and Redis key prefix, dropped afterwards, so runs never see each
// other's rows. When a service doesn't answer, its suites are skipped with a plain message; with
// CI=true they fail instead. Nothing here ever stops, restarts or flushes a shared server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { closeDb, type Engine } from ".";
import {
  ADMIN_URL,
  createTestPostgresDatabase,
  deleteRedisPrefix,
  hideCredentials,
  probePostgres,
  probeRedis,
  TEST_REDIS_URL,
  uniqueName,
  type Probe,
} from "./services";

export { createTestPostgresDatabase, TEST_REDIS_URL };
const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef0123456789";

/** The current test file's own SQLite database in a temp directory (with its secret files), removed afterwards. */
export function useTempDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dashboard-test-"));
  const file = path.join(dir, "test.sqlite");
  process.env.DATABASE_URL = file;
  afterAll(async () => {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return file;
}

const g = globalThis as typeof globalThis & { __testServices?: Promise<{ postgres: Probe; redis: Probe }> };
/** Probed once per test worker. */
export function testServices(): Promise<{ postgres: Probe; redis: Probe }> {
  g.__testServices ??= Promise.all([probePostgres(), probeRedis()]).then(([postgres, redis]) => ({ postgres, redis }));
  return g.__testServices;
}

const warned = new Set<string>();
/**
 * A suite that needs a service which did not answer: skipped with a plain message, or under
 * CI=true one failing test saying which service was missing.
 */
function unavailable(title: string, service: string, where: string, reason: string): void {
  const message = `${service} suites skipped: nothing answered at ${where} (${reason}). Start it or set ${service === "Postgres" ? "TEST_DATABASE_URL" : "TEST_REDIS_URL"}.`;
  if (process.env.CI === "true") {
    describe(title, () => it(`needs ${service}`, () => { throw new Error(message.replace("suites skipped", "is required with CI=true")); }));
    return;
  }
  if (!warned.has(service)) {
    warned.add(service);
    console.warn(message);
  }
  describe.skip(`${title} (skipped: no ${service})`, () => it("skipped", () => {}));
}

/**
 * Runs `body` once per engine, each in its own describe with DATABASE_URL pointing at a fresh
 * database of that engine (SQLite always; Postgres when it answers). Must be awaited at the top
 * level of the test file (the Postgres probe is asynchronous).
 */
export async function describeEachEngine(title: string, body: (engine: Engine) => void): Promise<void> {
  const services = await testServices();
  for (const engine of ["sqlite", "postgres"] as const) {
    const label = `${title} [${engine}]`;
    if (engine === "postgres" && !services.postgres.ok) {
      unavailable(label, "Postgres", hideCredentials(ADMIN_URL), services.postgres.reason);
      continue;
    }
    describe(label, () => {
      let cleanup: () => Promise<void> = async () => {};
      const saved = { url: process.env.DATABASE_URL, secret: process.env.SESSION_SECRET };
      beforeAll(async () => {
        await closeDb();
        if (engine === "sqlite") {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dashboard-test-"));
          process.env.DATABASE_URL = path.join(dir, "test.sqlite");
          cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
        } else {
          const { url, drop } = await createTestPostgresDatabase();
          process.env.DATABASE_URL = url;
          process.env.SESSION_SECRET ||= TEST_SESSION_SECRET;
          cleanup = drop;
        }
      });
      afterAll(async () => {
        await closeDb();
        await cleanup();
        process.env.DATABASE_URL = saved.url;
        process.env.SESSION_SECRET = saved.secret;
        if (saved.secret === undefined) delete process.env.SESSION_SECRET;
        if (saved.url === undefined) delete process.env.DATABASE_URL;
      });
      body(engine);
    });
  }
}

/**
 * A Redis key prefix of its own for the current describe (keys deleted afterwards with SCAN +
 * DEL on that prefix only), or a skip/failure when Redis doesn't answer.
 */
export async function describeWithRedis(title: string, body: (redis: { url: string; prefix: () => string }) => void): Promise<void> {
  const services = await testServices();
  if (!services.redis.ok) return unavailable(title, "Redis", TEST_REDIS_URL, services.redis.reason);
  describe(title, () => {
    const prefix = `${uniqueName()}:`;
    afterAll(() => deleteRedisPrefix(prefix));
    body({ url: TEST_REDIS_URL, prefix: () => prefix });
  });
}

/** "name=value" pairs from Set-Cookie headers, as a browser would send them back. */
export function cookieHeader(setCookies: string[]): string {
  return setCookies.map((c) => c.split(";", 1)[0]).join("; ");
}
