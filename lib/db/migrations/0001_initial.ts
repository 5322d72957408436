// The schema as it stood before versioned migrations: better-auth's tables (exactly what its own
// generator makes for our options: see migrate.test.ts) and ours. Every statement is IF NOT EXISTS,
// so a SQLite file made by an earlier version (tables created ad hoc) is adopted as it is.
import { sql, type Kysely } from "kysely";
import type { Engine } from "..";
import { types } from "./types";

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = types(engine);
  const now = engine === "postgres" ? sql`CURRENT_TIMESTAMP` : undefined;
  const withNow = <C extends { defaultTo(v: unknown): C }>(c: C) => (now ? c.defaultTo(now) : c);

  await db.schema
    .createTable("user")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("emailVerified", t.boolean, (c) => c.notNull())
    .addColumn("image", "text")
    .addColumn("createdAt", t.date, (c) => withNow(c.notNull()))
    .addColumn("updatedAt", t.date, (c) => withNow(c.notNull()))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("disabled", t.boolean)
    .execute();

  await db.schema
    .createTable("session")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("expiresAt", t.date, (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("createdAt", t.date, (c) => withNow(c.notNull()))
    .addColumn("updatedAt", t.date, (c) => c.notNull())
    .addColumn("ipAddress", "text")
    .addColumn("userAgent", "text")
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .execute();

  await db.schema
    .createTable("account")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("accountId", "text", (c) => c.notNull())
    .addColumn("providerId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("accessToken", "text")
    .addColumn("refreshToken", "text")
    .addColumn("idToken", "text")
    .addColumn("accessTokenExpiresAt", t.date)
    .addColumn("refreshTokenExpiresAt", t.date)
    .addColumn("scope", "text")
    .addColumn("password", "text")
    .addColumn("createdAt", t.date, (c) => withNow(c.notNull()))
    .addColumn("updatedAt", t.date, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("verification")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("expiresAt", t.date, (c) => c.notNull())
    .addColumn("createdAt", t.date, (c) => withNow(c.notNull()))
    .addColumn("updatedAt", t.date, (c) => withNow(c.notNull()))
    .execute();

  await db.schema.createIndex("session_userId_idx").ifNotExists().on("session").column("userId").execute();
  await db.schema.createIndex("account_userId_idx").ifNotExists().on("account").column("userId").execute();
  await db.schema.createIndex("verification_identifier_idx").ifNotExists().on("verification").column("identifier").execute();

  await db.schema
    .createTable("action_log")
    .ifNotExists()
    .addColumn("id", t.serialId, (c) => t.autoIncrement(c).primaryKey())
    .addColumn("at", t.instant, (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("user_email", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome IN ('success', 'failure', 'unknown')`))
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("action_log_user").ifNotExists().on("action_log").columns(["user_email", "id"]).execute();
  await db.schema.createIndex("action_log_action").ifNotExists().on("action_log").columns(["action", "id"]).execute();

  // Replaced by login_attempts before versioned migrations (a file may still have it).
  await db.schema.dropTable("login_failures").ifExists().execute();
  await db.schema
    .createTable("login_attempts")
    .ifNotExists()
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("ok", "integer", (c) => c.notNull())
    .addColumn("at", t.epochMs, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_email").ifNotExists().on("login_attempts").columns(["email", "at"]).execute();
  await db.schema.createIndex("login_attempts_address").ifNotExists().on("login_attempts").columns(["address", "at"]).execute();

  // Idempotency claims with their owner and heartbeat (lib/idempotency). A file from before
  // owners existed has the first shape: rebuilt keeping its rows (a claim pending then belongs to
  // an earlier boot, so it settles as unknown).
  const claims = await db.introspection.getTables();
  const existing = claims.find((tbl) => tbl.name === "idempotency_keys");
  if (existing && !existing.columns.some((c) => c.name === "heartbeat_at")) {
    await db.schema.alterTable("idempotency_keys").renameTo("idempotency_keys_v1").execute();
    await createIdempotencyKeys(db, engine);
    await sql`INSERT INTO idempotency_keys (scope, user_id, key, request_hash, state, status, body, headers, owner_instance, owner_boot, heartbeat_at, created_at, updated_at)
      SELECT scope, user_id, key, request_hash, state, status, body, NULL, '', '', updated_at, created_at, updated_at FROM idempotency_keys_v1`.execute(db);
    await db.schema.dropTable("idempotency_keys_v1").execute();
  } else if (!existing) {
    await createIdempotencyKeys(db, engine);
  }

  // Values generated once and shared by every instance (the demo password on Postgres).
  await db.schema
    .createTable("app_secret")
    .ifNotExists()
    .addColumn("name", "text", (c) => c.notNull().primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

async function createIdempotencyKeys(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state IN ('pending', 'success', 'failure', 'unknown', 'released')`))
    .addColumn("status", "integer")
    .addColumn("body", "text")
    .addColumn("headers", "text")
    .addColumn("owner_instance", "text", (c) => c.notNull())
    .addColumn("owner_boot", "text", (c) => c.notNull())
    .addColumn("heartbeat_at", types(engine).epochMs, (c) => c.notNull())
    .addColumn("created_at", types(engine).epochMs, (c) => c.notNull())
    .addColumn("updated_at", types(engine).epochMs, (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["scope", "user_id", "key"])
    .execute();
}
