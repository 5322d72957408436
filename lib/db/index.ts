// One better-sqlite3 connection per process, opened from DATABASE_URL (default
// ./data/dashboard.sqlite), with our own tables created on first use. better-auth's tables are
// migrated by lib/auth/auth.ts, which needs the auth options. No `server-only` import here: the
// users CLI (tsx) shares this module; better-sqlite3 is native, so it can't reach a browser anyway.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseServerEnv } from "../env-schema.mjs";

export type Db = Database.Database;

const DEFAULT_PATH = "data/dashboard.sqlite";

/** `./x.sqlite`, `file:./x.sqlite`, `file:///abs/x.sqlite`, `sqlite:x.sqlite` or `:memory:`. */
export function databasePath(url: string | undefined = parseServerEnv(process.env).DATABASE_URL): string {
  if (!url) return path.resolve(DEFAULT_PATH);
  if (url === ":memory:") return url;
  const p = url.replace(/^(file|sqlite):(\/\/(?=\/))?/, "");
  return path.resolve(p);
}

// Kept on globalThis: Next may evaluate this module once per route bundle (and again on HMR), and
// every copy must share the one connection.
const g = globalThis as typeof globalThis & { __dashboardDb?: { path: string; db: Db } };

export function getDb(): Db {
  const file = databasePath();
  if (g.__dashboardDb?.path === file && g.__dashboardDb.db.open) return g.__dashboardDb.db;
  g.__dashboardDb?.db.close();
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Created owner-only (it holds password hashes); SQLite gives -wal/-shm the same mode.
    fs.closeSync(fs.openSync(/*turbopackIgnore: true*/ file, "a", 0o600));
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL"); // the server and the users CLI may write at the same time
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  g.__dashboardDb = { path: file, db };
  return db;
}

/** Tests switch DATABASE_URL between files. */
export function closeDb(): void {
  g.__dashboardDb?.db.close();
  g.__dashboardDb = undefined;
}

export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS action_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      user_id TEXT,
      user_email TEXT,
      action TEXT NOT NULL,
      params TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'unknown')),
      error TEXT
    );
    CREATE INDEX IF NOT EXISTS action_log_user ON action_log (user_email, id);
    CREATE INDEX IF NOT EXISTS action_log_action ON action_log (action, id);

    DROP TABLE IF EXISTS login_failures; -- replaced by login_attempts (lib/auth/throttle.ts)
    CREATE TABLE IF NOT EXISTS login_attempts (
      email TEXT NOT NULL,   -- lower-cased, as typed
      address TEXT NOT NULL, -- the client's address (lib/security/client.ts)
      ok INTEGER NOT NULL,   -- 1 a sign-in, 0 a failure
      at INTEGER NOT NULL    -- epoch ms
    );
    CREATE INDEX IF NOT EXISTS login_attempts_email ON login_attempts (email, at);
    CREATE INDEX IF NOT EXISTS login_attempts_address ON login_attempts (address, at);
  `);
  migrateIdempotencyKeys(db);
}

const IDEMPOTENCY_KEYS = `
    CREATE TABLE idempotency_keys (
      scope TEXT NOT NULL,
      user_id TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'success', 'failure', 'unknown', 'released')),
      status INTEGER,
      body TEXT,
      headers TEXT,
      owner_instance TEXT NOT NULL, -- who holds the claim (lib/idempotency): instance and boot
      owner_boot TEXT NOT NULL,
      heartbeat_at INTEGER NOT NULL, -- epoch ms; the owner renews it while the call runs
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (scope, user_id, key)
    )`;

/**
 * Creates idempotency_keys, or rebuilds the first version (no owner, no heartbeat, no "released")
 * keeping its rows: a claim still pending from before the upgrade belongs to an earlier boot.
 */
function migrateIdempotencyKeys(db: Db): void {
  const columns = (db.prepare("PRAGMA table_info(idempotency_keys)").all() as { name: string }[]).map((c) => c.name);
  if (columns.includes("heartbeat_at")) return;
  if (columns.length === 0) {
    db.exec(IDEMPOTENCY_KEYS);
    return;
  }
  db.transaction(() => {
    db.exec("ALTER TABLE idempotency_keys RENAME TO idempotency_keys_v1");
    db.exec(IDEMPOTENCY_KEYS);
    db.exec(`INSERT INTO idempotency_keys (scope, user_id, key, request_hash, state, status, body, headers, owner_instance, owner_boot, heartbeat_at, created_at, updated_at)
             SELECT scope, user_id, key, request_hash, state, status, body, NULL, '', '', updated_at, created_at, updated_at FROM idempotency_keys_v1`);
    db.exec("DROP TABLE idempotency_keys_v1");
  }).immediate();
}

const memorySecrets = new Map<string, string>();

/**
 * A secret kept in a mode-600 file beside the database (./data/<name> by default), created once
 * with `create()`. Used for the session secret and the generated demo password.
 */
export function persistentSecret(name: string, create: () => string = () => randomBytes(32).toString("base64url")): string {
  const db = databasePath();
  if (db === ":memory:") {
    if (!memorySecrets.has(name)) memorySecrets.set(name, create());
    return memorySecrets.get(name)!;
  }
  const file = path.join(path.dirname(db), name);
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
