// Alerts (issue #14) and the generic outbox. alert_rule holds each rule with its episode state
// (state, level, when it last notified), changed only by a compare-and-set so that instances
// evaluating at once record one event. alert_event is the history. outbox holds every message to
// send (alerts now, approval emails later), claimed per row with a lease by whichever instance's
// job gets it first; outbox_attempt records each try.
import type { Kysely } from "kysely";
import type { Engine } from "..";
import { types } from "./types";

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = types(engine);

  await db.schema
    .createTable("alert_rule")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull()) // JSON
    .addColumn("channels", "text", (c) => c.notNull()) // JSON, webhook secrets included (never answered)
    .addColumn("renotify_hours", "integer", (c) => c.notNull())
    .addColumn("muted_until", t.epochMs)
    .addColumn("builtin", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull()) // ok | firing
    .addColumn("level", "integer", (c) => c.notNull()) // severity of the episode so far (budget steps)
    .addColumn("version", "integer", (c) => c.notNull()) // bumped by every state change (compare-and-set)
    .addColumn("episode_started_at", t.epochMs)
    .addColumn("last_notified_at", t.epochMs)
    .addColumn("last_evaluated_at", t.epochMs)
    .addColumn("created_at", t.epochMs, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("alert_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull()) // fired | resolved | test
    .addColumn("at", t.epochMs, (c) => c.notNull())
    .addColumn("figures", "text", (c) => c.notNull()) // JSON
    // The rule's version this event moved it from: a second writer of the same change collides here.
    .addColumn("rule_version", "integer", (c) => c.notNull())
    .addUniqueConstraint("alert_event_rule_version", ["rule_id", "rule_version"])
    .execute();
  await db.schema.createIndex("alert_event_at").on("alert_event").column("at").execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey()) // also the message's idempotency id (webhook-id, Message-ID)
    .addColumn("topic", "text", (c) => c.notNull()) // e.g. "alert"
    .addColumn("ref", "text") // e.g. the alert event's id
    .addColumn("channel", "text", (c) => c.notNull()) // JSON destination: {type, …}
    .addColumn("channel_label", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull()) // JSON: subject, text, html, payload
    .addColumn("status", "text", (c) => c.notNull()) // pending | sent | failed
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", t.epochMs, (c) => c.notNull())
    .addColumn("lease_holder", "text")
    .addColumn("lease_expires_at", t.epochMs)
    .addColumn("last_error", "text")
    .addColumn("created_at", t.epochMs, (c) => c.notNull())
    .addColumn("sent_at", t.epochMs)
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_ref").on("outbox").column("ref").execute();

  await db.schema
    .createTable("outbox_attempt")
    .addColumn("id", t.serialId, (c) => t.autoIncrement(c).primaryKey())
    .addColumn("outbox_id", "text", (c) => c.notNull())
    .addColumn("at", t.epochMs, (c) => c.notNull())
    .addColumn("ok", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("outbox_attempt_outbox").on("outbox_attempt").column("outbox_id").execute();
}
