// The data layer: one Kysely instance per process over either engine, chosen by DATABASE_URL:
// a SQLite path (the default, ./data/dashboard.sqlite) or postgres://… . Every query is written
// once with Kysely and runs on both; the schema is the versioned migrations in ./migrations, run
// at server start (instrumentation.ts), by `npm run db:migrate`, and on first use (`db()`).
// No `server-only` import here: the CLIs (tsx) share this module; both drivers are Node-only.
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseServerEnv } from "../env-schema.mjs";
import { migrateToLatest } from "./migrate";
import { withStatementCache } from "./statement-cache";
import { databasePath, isPostgresUrl } from "./paths.mjs";
import type { Tables } from "./schema";

export type Engine = "sqlite" | "postgres";
export type Db = Kysely<Tables>;
export type { Tables } from "./schema";

export type DatabaseTarget = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string };

/**
 * `postgres://…`/`postgresql://…` (TLS options such as `?sslmode=require` go to `pg` as they are),
 * or a SQLite file: `./x.sqlite`, `file:./x.sqlite`, `file:///abs/x.sqlite`, `sqlite:x.sqlite`, `:memory:`.
 */
export function databaseTarget(url: string | undefined = parseServerEnv(process.env).DATABASE_URL): DatabaseTarget {
  if (isPostgresUrl(url)) return { engine: "postgres", url: url! };
  return { engine: "sqlite", path: databasePath(url) };
}

export { isPostgresUrl };

/** `pg` returns BIGINT (and COUNT) as strings; ours are counts and epoch milliseconds, safe as numbers. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openSqlite(file: string): Database.Database {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Created owner-only (it holds password hashes); SQLite gives -wal/-shm the same mode.
    fs.closeSync(fs.openSync(/*turbopackIgnore: true*/ file, "a", 0o600));
  }
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL"); // the server and the CLIs may write at the same time
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

export interface Connection {
  target: DatabaseTarget;
  engine: Engine;
  db: Db;
  /** SQLite only: the driver's handle, for the few places that need it (tests, db:copy). */
  sqlite?: Database.Database;
  /** Settles once the migrations ran (memoized; a failure is not cached). */
  ready?: Promise<void>;
}

/** A new connection (not the process-wide one): for CLIs that talk to two databases, and tests. */
export function connect(target: DatabaseTarget, options: { poolSize?: number } = {}): Connection {
  if (target.engine === "sqlite") {
    const sqlite = openSqlite(target.path);
    return { target, engine: "sqlite", sqlite, db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }) };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    connectionTimeoutMillis: 5_000,
    // A dropped connection in the pool must not crash the process; the next query gets a new one.
    allowExitOnIdle: false,
  });
  pool.on("error", () => {});
  return { target, engine: "postgres", db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }) };
}

const targetId = (t: DatabaseTarget) => (t.engine === "sqlite" ? `sqlite:${t.path}` : t.url);

// Kept on globalThis: Next may evaluate this module once per route bundle (and again on HMR), and
// every copy must share the one connection (pool).
const g = globalThis as typeof globalThis & { __dashboardDb?: Connection };

/** The process-wide connection for DATABASE_URL, opened on first use (schema not guaranteed yet: see db()). */
export function connection(): Connection {
  const target = databaseTarget();
  const current = g.__dashboardDb;
  if (current && targetId(current.target) === targetId(target) && (!current.sqlite || current.sqlite.open)) return current;
  if (current) void current.db.destroy().catch(() => {});
  g.__dashboardDb = connect(target);
  return g.__dashboardDb;
}

/** The process-wide Kysely instance, after the migrations have run. */
export async function db(): Promise<Db> {
  const conn = connection();
  if (!conn.ready) {
    const ready = migrateToLatest(conn.db, conn.engine).then(() => {});
    conn.ready = ready;
    ready.catch(() => {
      if (conn.ready === ready) conn.ready = undefined; // a failed migration must not be cached for ever
    });
  }
  await conn.ready;
  return conn.db;
}

export function engine(): Engine {
  return connection().engine;
}

/** Readiness: a trivial query with a deadline. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const conn = connection();
    await Promise.race([
      sql`select 1`.execute(conn.db),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the process-wide connection (graceful shutdown; tests switch DATABASE_URL between cases). */
export async function closeDb(): Promise<void> {
  const current = g.__dashboardDb;
  g.__dashboardDb = undefined;
  if (current) await current.db.destroy();
}

const memorySecrets = new Map<string, string>();

/**
 * A value generated once and then kept: on SQLite in a mode-600 file beside the database
 * (./data/<name> by default); on Postgres in the app_secret table, so every instance reads the
 * same one. Used for the generated demo password (and the session secret on SQLite only: on
 * Postgres SESSION_SECRET is required, see lib/env-schema.mjs).
 */
export async function persistentSecret(name: string, create: () => string = () => randomBytes(32).toString("base64url")): Promise<string> {
  const target = databaseTarget();
  if (target.engine === "postgres") {
    const kysely = await db();
    await kysely.insertInto("app_secret").values({ name, value: create() }).onConflict((oc) => oc.column("name").doNothing()).execute();
    const row = await kysely.selectFrom("app_secret").select("value").where("name", "=", name).executeTakeFirstOrThrow();
    return row.value;
  }
  return fileSecret(target.path, name, create);
}

/** The SQLite flavour of persistentSecret, synchronous (better-auth's options are built synchronously). */
export function fileSecret(dbPath: string, name: string, create: () => string = () => randomBytes(32).toString("base64url")): string {
  if (dbPath === ":memory:") {
    if (!memorySecrets.has(name)) memorySecrets.set(name, create());
    return memorySecrets.get(name)!;
  }
  const file = path.join(path.dirname(dbPath), name);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": two processes starting together must not both write their own secret.
    fs.writeFileSync(file, create() + "\n", { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const value = fs.readFileSync(file, "utf8").trim();
  if (!value) throw new Error(`${file} is empty: delete it to generate a new one`);
  return value;
}
