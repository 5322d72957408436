import { getMigrations } from "better-auth/db/migration";
import Database from "better-sqlite3";
import { sql } from "kysely";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { authOptions } from "../auth/auth";
import { closeDb, connect, connection, databaseTarget, db, engine } from ".";
import { migrateToLatest } from "./migrate";
import { MIGRATIONS } from "./migrations";
import { sumMoney } from "./money";
import { types } from "./migrations/types";
import { describeEachEngine, testServices, createTestPostgresDatabase } from "./testing";

await describeEachEngine("migrations", (eng) => {
  it("create exactly the tables and columns better-auth expects for our options", async () => {
    await db();
    const pending = await getMigrations(authOptions(connection()));
    expect(pending.toBeCreated).toEqual([]);
    expect(pending.toBeAdded).toEqual([]);
  });

  it("are recorded, and a second run does nothing", async () => {
    const kysely = await db();
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(kysely);
    expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(kysely, eng)).toEqual([]);
  });

  it("money goes in and comes back as the same decimal string, and sums exactly", async () => {
    const kysely = await db();
    await kysely.schema.createTable("money_probe").addColumn("amount", types(engine()).money).execute();
    const amounts = ["12.30", "0.10", "0.20", "-0.0075", "100000000000000000000.01"];
    await sql`insert into money_probe (amount) values ${sql.join(amounts.map((a) => sql`(${a})`))}`.execute(kysely);
    const back = await sql<{ amount: string }>`select amount from money_probe`.execute(kysely);
    expect(back.rows.map((r) => r.amount)).toEqual(amounts);
    const total = await sumMoney(engine(), (kysely as any).selectFrom("money_probe"), "amount");
    expect(total).toBe("100000000000000000012.6025");
    expect(await sumMoney(engine(), (kysely as any).selectFrom("money_probe").where("amount", "=", "-1"), "amount")).toBe("0");
  });
});

// The schema an install made before versioned migrations: better-auth's generator plus our ad hoc tables.
const LEGACY_SQLITE = `
create table "user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" integer not null, "image" text, "createdAt" date not null, "updatedAt" date not null, "role" text not null, "disabled" integer);
create table "session" ("id" text not null primary key, "expiresAt" date not null, "token" text not null unique, "createdAt" date not null, "updatedAt" date not null, "ipAddress" text, "userAgent" text, "userId" text not null references "user" ("id") on delete cascade);
create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" date, "refreshTokenExpiresAt" date, "scope" text, "password" text, "createdAt" date not null, "updatedAt" date not null);
create table "verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" date not null, "createdAt" date not null, "updatedAt" date not null);
CREATE TABLE action_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT, user_email TEXT, action TEXT NOT NULL, params TEXT NOT NULL, outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'unknown')), error TEXT);
CREATE TABLE login_failures (subject TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE idempotency_keys (scope TEXT NOT NULL, user_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending', 'success', 'failure', 'unknown')), status INTEGER, body TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (scope, user_id, key));
insert into "user" values ('u1', 'Old Owner', 'old@example.com', 1, null, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'owner', 0);
insert into action_log (at, user_id, user_email, action, params, outcome) values ('2026-01-02T00:00:00.000Z', 'u1', 'old@example.com', 'login', '{}', 'success');
`;

it("an existing SQLite file from before versioned migrations upgrades in place, keeping its rows", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dashboard-test-"));
  const file = path.join(dir, "old.sqlite");
  const legacy = new Database(file);
  legacy.exec(LEGACY_SQLITE);
  legacy.close();
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = file;
  try {
    await closeDb();
    const kysely = await db();
    expect(databaseTarget().engine).toBe("sqlite");
    expect(await kysely.selectFrom("user").select("email").execute()).toEqual([{ email: "old@example.com" }]);
    expect(await kysely.selectFrom("action_log").select(["action", "user_email"]).execute()).toEqual([{ action: "login", user_email: "old@example.com" }]);
    const pending = await getMigrations(authOptions(connection()));
    expect([...pending.toBeCreated, ...pending.toBeAdded]).toEqual([]);
    await kysely.insertInto("app_secret").values({ name: "n", value: "v" }).execute(); // the table added since
  } finally {
    await closeDb();
    process.env.DATABASE_URL = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const services = await testServices();
it.skipIf(!services.postgres.ok)("two instances starting together on one Postgres database migrate it once", async () => {
  const { url, drop } = await createTestPostgresDatabase();
  const a = connect({ engine: "postgres", url });
  const b = connect({ engine: "postgres", url });
  try {
    const [ra, rb] = await Promise.all([migrateToLatest(a.db, "postgres"), migrateToLatest(b.db, "postgres")]);
    // One of them ran every migration; the other waited for the lock and found nothing to do.
    expect([ra.length, rb.length].sort()).toEqual([0, Object.keys(MIGRATIONS).length]);
    const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(a.db);
    expect(Number(rows.rows[0]!.n)).toBe(Object.keys(MIGRATIONS).length);
  } finally {
    await a.db.destroy();
    await b.db.destroy();
    await drop();
  }
});
