// The outbox: every message the dashboard sends (alert notifications now, approval emails later)
// is a row written in the same transaction as the change that caused it, and a job sends the rows.
// Exactly one instance sends a row at a time (a per-row lease); a crash before the row is marked
// sent leaves it pending, so it is sent again once the lease lapses, with the same id (the
// webhook-id header, the email's Message-ID) for the receiver to recognise a repeat. Nothing is
// lost (no send without its row) and nothing is doubled by our own concurrency. Each try is
// recorded in outbox_attempt; failures are retried with backoff until MAX_ATTEMPTS.
import { randomUUID } from "node:crypto";
import type { Db, Tables } from "../db";
import type { Transaction } from "kysely";
import { log } from "../log";

export const MAX_ATTEMPTS = 6;
/** Wait after the nth failed try (1-based) before the next one. */
export const BACKOFF_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
export const SEND_LEASE_MS = 60_000;

export interface OutboxMessage {
  subject: string;
  text: string;
  html?: string;
  /** The JSON a webhook receives. */
  payload: unknown;
}

export interface OutboxItem {
  topic: string;
  ref?: string | null;
  /** Where to: a channel object with a `type` the senders know. */
  channel: { type: string } & Record<string, unknown>;
  /** A label that is safe to show (no secrets): "email finance@…", "webhook https://…". */
  label: string;
  message: OutboxMessage;
}

/** A send failed: `message` is ours and safe to show (never a transport's text with headers). */
export class DeliveryError extends Error {}

export type Sender = (channel: OutboxItem["channel"], message: OutboxMessage, meta: { id: string; attempt: number; now: number }) => Promise<void>;

export async function enqueue(db: Db | Transaction<Tables>, items: OutboxItem[], now: number): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = items.map((i) => ({
    id: `msg_${randomUUID()}`,
    topic: i.topic,
    ref: i.ref ?? null,
    channel: JSON.stringify(i.channel),
    channel_label: i.label,
    message: JSON.stringify(i.message),
    status: "pending" as const,
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  }));
  await db.insertInto("outbox").values(rows).execute();
  return rows.map((r) => r.id);
}

export interface DrainOptions {
  db: Db;
  senders: Record<string, Sender>;
  holder: string;
  now?: () => number;
  /** Only these rows (the "Send a test" button waits for its own). */
  ids?: string[];
  limit?: number;
}

async function claim(db: Db, id: string, holder: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable("outbox")
    .set({ lease_holder: holder, lease_expires_at: now + SEND_LEASE_MS })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("lease_holder", "is", null), eb("lease_expires_at", "<", now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Sends every due row it can claim; returns how many it tried. */
export async function drainOutbox(o: DrainOptions): Promise<number> {
  const now = o.now ?? Date.now;
  let q = o.db
    .selectFrom("outbox")
    .selectAll()
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now())
    .orderBy("created_at")
    .limit(o.limit ?? 50);
  if (o.ids) q = q.where("id", "in", o.ids.length ? o.ids : ["-"]);
  const due = await q.execute();
  let tried = 0;
  for (const row of due) {
    if (!(await claim(o.db, row.id, o.holder, now()))) continue;
    tried++;
    const attempt = row.attempts + 1;
    const channel = JSON.parse(row.channel) as OutboxItem["channel"];
    let error: string | null = null;
    try {
      const send = o.senders[channel.type];
      if (!send) throw new DeliveryError(`No sender for channel type "${channel.type}".`);
      await send(channel, JSON.parse(row.message) as OutboxMessage, { id: row.id, attempt, now: now() });
    } catch (e) {
      error = e instanceof DeliveryError ? e.message : "The message could not be sent; see the server log.";
      if (!(e instanceof DeliveryError)) log.error("outbox.send_failed", { id: row.id, message: (e as Error)?.message });
    }
    const at = now();
    const failedForGood = error !== null && attempt >= MAX_ATTEMPTS;
    await o.db.transaction().execute(async (trx) => {
      await trx.insertInto("outbox_attempt").values({ outbox_id: row.id, at, ok: error === null ? 1 : 0, error }).execute();
      await trx
        .updateTable("outbox")
        .set({
          attempts: attempt,
          lease_holder: null,
          lease_expires_at: null,
          last_error: error,
          ...(error === null
            ? { status: "sent" as const, sent_at: at }
            : failedForGood
              ? { status: "failed" as const }
              : { next_attempt_at: at + BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1]! }),
        })
        .where("id", "=", row.id)
        .where("lease_holder", "=", o.holder)
        .execute();
    });
    if (error) log.warn("outbox.attempt_failed", { id: row.id, topic: row.topic, channel: row.channel_label, attempt, error });
  }
  return tried;
}

export interface DeliverySummary {
  id: string;
  ref: string | null;
  channel: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** Rows of these refs (e.g. alert events), oldest first. */
export async function deliveriesFor(db: Db, refs: string[]): Promise<DeliverySummary[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "ref", "channel_label", "status", "attempts", "last_error", "created_at", "sent_at"])
    .where("ref", "in", refs)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ id: r.id, ref: r.ref, channel: r.channel_label, status: r.status, attempts: Number(r.attempts), last_error: r.last_error, created_at: Number(r.created_at), sent_at: r.sent_at === null ? null : Number(r.sent_at) }));
}
