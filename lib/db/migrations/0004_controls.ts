// Controls (issue #15): API tokens, their shared per-minute counter, and two-person approvals.
// api_token keeps only a SHA-256 of each token (the secret is 256 random bits, shown once).
// api_token_rate counts a token's requests per minute for every instance (when Redis is not set).
// approval is one request for a second owner; its state moves only by compare-and-set
// (update … where status = 'pending'), so two approvers at once on two instances execute it once.
// approval_policy is one row (id 1): what needs a second owner.
import type { Kysely } from "kysely";
import type { Engine } from "..";
import { types } from "./types";

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = types(engine);

  await db.schema
    .createTable("api_token")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull()) // "tbd_" + the first characters: safe to show
    .addColumn("hash", "text", (c) => c.notNull().unique()) // hex SHA-256 of the whole token
    .addColumn("user_id", "text", (c) => c.notNull()) // the creator: the token acts for them
    .addColumn("user_email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull()) // read | write
    .addColumn("created_at", t.epochMs, (c) => c.notNull())
    .addColumn("expires_at", t.epochMs)
    .addColumn("revoked_at", t.epochMs)
    .addColumn("revoked_by", "text")
    .addColumn("last_used_at", t.epochMs)
    .addColumn("last_address", "text")
    .execute();
  await db.schema.createIndex("api_token_user").on("api_token").column("user_id").execute();

  await db.schema
    .createTable("api_token_rate")
    .addColumn("token_id", "text", (c) => c.notNull())
    .addColumn("window_start", t.epochMs, (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("api_token_rate_pk", ["token_id", "window_start"])
    .execute();

  await db.schema
    .createTable("approval")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull()) // payment | auto_recharge | policy
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("request", "text", (c) => c.notNull()) // JSON: the amount, the diff or the new policy
    .addColumn("seen", "text") // JSON: auto-recharge settings the requester saw
    .addColumn("idempotency_key", "text")
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_email", "text", (c) => c.notNull())
    .addColumn("requested_at", t.epochMs, (c) => c.notNull())
    .addColumn("expires_at", t.epochMs, (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_email", "text")
    .addColumn("decided_at", t.epochMs)
    .addColumn("reason", "text")
    .addColumn("result", "text") // JSON: {status, body} of the execution
    .addColumn("finished_at", t.epochMs)
    .execute();
  await db.schema.createIndex("approval_status").on("approval").columns(["status", "requested_at"]).execute();
  await db.schema
    .createIndex("approval_request_key")
    .on("approval")
    .columns(["requested_by", "kind", "idempotency_key"])
    .unique()
    .execute();

  await db.schema
    .createTable("approval_policy")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("payments_above", t.money)
    .addColumn("auto_recharge", "integer", (c) => c.notNull())
    .addColumn("updated_at", t.epochMs, (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();
}
