// The ledger (issue #12): the dashboard's own copy of the account's billing history. Times are
// epoch milliseconds, days are UTC 'YYYY-MM-DD' text, money is TEXT/NUMERIC (types.money), and
// every table is keyed by Telnyx's ids or by (day, type, …), so a re-run upserts instead of
// duplicating. ledger_stream holds each stream's cursor, lease and last outcome.
import type { Kysely } from "kysely";
import type { Engine } from "..";
import { types } from "./types";

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = types(engine);
  const bytes = engine === "postgres" ? ("bytea" as const) : ("blob" as const);

  await db.schema
    .createTable("ledger_stream")
    .addColumn("stream", "text", (c) => c.primaryKey())
    .addColumn("cursor", "text") // JSON
    .addColumn("last_run_at", t.epochMs)
    .addColumn("last_success_at", t.epochMs)
    .addColumn("last_error", "text")
    .addColumn("last_error_at", t.epochMs)
    .addColumn("paused_until", t.epochMs)
    .addColumn("requested_at", t.epochMs)
    .addColumn("lease_holder", "text")
    .addColumn("lease_expires_at", t.epochMs)
    .execute();

  // Every upstream call the worker made: the rolling-minute budget shared by all instances, and
  // the calls spent today on the sync page. Pruned after two days.
  await db.schema
    .createTable("ledger_call")
    .addColumn("id", t.serialId, (c) => t.autoIncrement(c).primaryKey())
    .addColumn("at", t.epochMs, (c) => c.notNull())
    .addColumn("stream", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ledger_call_at").on("ledger_call").column("at").execute();

  await db.schema
    .createTable("ledger_balance")
    .addColumn("at", t.epochMs, (c) => c.primaryKey())
    .addColumn("balance", t.money, (c) => c.notNull())
    .addColumn("available_credit", t.money, (c) => c.notNull())
    .addColumn("pending", t.money, (c) => c.notNull())
    .addColumn("credit_limit", t.money, (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("ledger_charges_month")
    .addColumn("month", "text", (c) => c.primaryKey()) // YYYY-MM
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("grand_total", t.money, (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull()) // JSON: Telnyx's charges summary
    .addColumn("breakdown", "text") // JSON, closed months only
    .addColumn("frozen", t.boolean, (c) => c.notNull())
    .addColumn("fetched_at", t.epochMs, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("ledger_invoice")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("file_id", "text")
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("paid", t.boolean, (c) => c.notNull())
    .addColumn("seen_at", t.epochMs, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("ledger_invoice_pdf")
    .addColumn("invoice_id", "text", (c) => c.primaryKey())
    .addColumn("bytes", bytes, (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("archived_at", t.epochMs, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("ledger_audit_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_at", t.epochMs, (c) => c.notNull())
    .addColumn("record_type", "text")
    .addColumn("resource_id", "text")
    .addColumn("change_type", "text")
    .addColumn("body", "text", (c) => c.notNull()) // JSON as Telnyx sent it
    .addColumn("search_text", "text", (c) => c.notNull()) // lower-cased: ids, fields, types
    .execute();
  await db.schema.createIndex("ledger_audit_event_created").on("ledger_audit_event").column("created_at").execute();

  await db.schema
    .createTable("ledger_webhook_delivery")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("started_at", t.epochMs)
    .addColumn("finished_at", t.epochMs)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("event_type", "text")
    .addColumn("url", "text")
    .addColumn("attempt_count", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull()) // JSON with its attempts
    .addColumn("search_text", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ledger_webhook_delivery_started").on("ledger_webhook_delivery").column("started_at").execute();

  // Daily rollups of detail records. A record with several tags counts once per type, once per tag.
  await db.schema
    .createTable("ledger_usage_type")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("cost", t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_usage_type_pk", ["day", "record_type", "currency"])
    .execute();
  await db.schema
    .createTable("ledger_usage_tag")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("tag", "text", (c) => c.notNull()) // '' for untagged records
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("cost", t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_usage_tag_pk", ["day", "record_type", "tag", "currency"])
    .execute();
}
