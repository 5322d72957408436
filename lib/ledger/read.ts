// The ledger's read side, for the API routes and the pages built on them: balance history (with
// points reconstructed before the first snapshot), daily spend per record type or tag, trailing
// daily spend for the runway, search over kept audit events and webhook deliveries, and the
// archived invoice PDFs. Days are UTC 'YYYY-MM-DD', `from` inclusive and `to` exclusive; sums are
// exact (big.js), never the database's floating SUM.
import { sql } from "kysely";
import type { Db, Engine } from "../db";
import { Big } from "../money";
import { addDays, dayStart, utcDay } from "./clock";
import { STREAMS, type StreamName } from "./config";
import { likePattern } from "./search-text";

export interface BalancePoint {
  at: string;
  balance: string;
  available_credit: string;
  /** Unknown (null) for reconstructed points. */
  pending: string | null;
  currency: string;
  source: "snapshot" | "reconstructed";
}

export interface DailySpend {
  date: string;
  /** The record type or the tag; null for untagged records. */
  key: string | null;
  count: number;
  cost: string;
  currency: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Per day and currency: total usage cost (all record types). */
async function spendByDay(db: Db, from: string, to: string): Promise<Map<string, Big>> {
  const rows = await db.selectFrom("ledger_usage_type").select(["day", "cost"]).where("day", ">=", from).where("day", "<", to).execute();
  const out = new Map<string, Big>();
  for (const r of rows) out.set(r.day, (out.get(r.day) ?? new Big(0)).plus(r.cost));
  return out;
}

/** Top-ups per day, from the kept audit log's payment events (their `amount` change). */
async function topUpsByDay(db: Db, fromMs: number, toMs: number): Promise<Map<string, Big>> {
  const rows = await db
    .selectFrom("ledger_audit_event")
    .select(["created_at", "body"])
    .where("record_type", "=", "payment")
    .where("created_at", ">=", fromMs)
    .where("created_at", "<", toMs)
    .execute();
  const out = new Map<string, Big>();
  for (const r of rows) {
    const change = (JSON.parse(r.body).changes ?? []).find((c: { field?: string }) => c.field === "amount");
    const amount = change?.to;
    if ((typeof amount !== "string" && typeof amount !== "number") || !/^-?\d+(\.\d+)?$/.test(String(amount))) continue;
    const day = utcDay(r.created_at);
    out.set(day, (out.get(day) ?? new Big(0)).plus(String(amount)));
  }
  return out;
}

/**
 * Balance snapshots in [from, to), and before the first snapshot one point per UTC day start,
 * walked back from it: the balance at a day's start is the next day's plus that day's spend
 * minus its top-ups (so top-ups show as steps). Marked "reconstructed".
 */
export async function balanceHistory(db: Db, from: string, to: string): Promise<BalancePoint[]> {
  const fromMs = dayStart(from);
  const toMs = dayStart(to);
  const snapshots = await db.selectFrom("ledger_balance").selectAll().where("at", ">=", fromMs).where("at", "<", toMs).orderBy("at").execute();
  const first = await db.selectFrom("ledger_balance").selectAll().orderBy("at").limit(1).executeTakeFirst();
  const points: BalancePoint[] = [];
  if (first && dayStart(utcDay(first.at)) > fromMs) {
    const firstDay = utcDay(first.at);
    const spend = await spendByDay(db, from, addDays(firstDay, 1));
    const topUps = await topUpsByDay(db, fromMs, first.at);
    let balance = new Big(first.balance);
    const back: BalancePoint[] = [];
    for (let day = firstDay; day >= from; day = addDays(day, -1)) {
      balance = balance.plus(spend.get(day) ?? 0).minus(topUps.get(day) ?? 0);
      if (dayStart(day) < toMs)
        back.push({
          at: iso(dayStart(day)),
          balance: balance.toFixed(2),
          available_credit: balance.plus(first.credit_limit).toFixed(2),
          pending: null,
          currency: first.currency,
          source: "reconstructed",
        });
    }
    points.push(...back.reverse());
  }
  for (const s of snapshots)
    points.push({ at: iso(s.at), balance: s.balance, available_credit: s.available_credit, pending: s.pending, currency: s.currency, source: "snapshot" });
  return points;
}

/** Daily usage cost per record type or per tag (a record with several tags counts under each). */
export async function dailySpend(db: Db, from: string, to: string, groupBy: "record_type" | "tag"): Promise<DailySpend[]> {
  const rows =
    groupBy === "record_type"
      ? (await db.selectFrom("ledger_usage_type").selectAll().where("day", ">=", from).where("day", "<", to).execute()).map((r) => ({ ...r, key: r.record_type }))
      : (await db.selectFrom("ledger_usage_tag").selectAll().where("day", ">=", from).where("day", "<", to).execute()).map((r) => ({ ...r, key: r.tag }));
  const acc = new Map<string, { date: string; key: string; currency: string; count: number; cost: Big }>();
  for (const r of rows) {
    const id = JSON.stringify([r.day, r.key, r.currency]);
    const a = acc.get(id) ?? { date: r.day, key: r.key, currency: r.currency, count: 0, cost: new Big(0) };
    a.count += Number(r.count);
    a.cost = a.cost.plus(r.cost);
    acc.set(id, a);
  }
  return [...acc.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency))
    .map((a) => ({ date: a.date, key: a.key === "" ? null : a.key, count: a.count, cost: a.cost.toFixed(), currency: a.currency }));
}

export interface TrailingSpend {
  days: number;
  from: string;
  to: string;
  currency: string;
  total: string;
  /** total / days, to the cent. */
  per_day: string;
}

/** Usage spend over the last `days` full UTC days before `now`'s day, per currency (for the runway). */
export async function trailingDailySpend(db: Db, days: number, now = Date.now()): Promise<TrailingSpend[]> {
  const to = utcDay(now);
  const from = addDays(to, -days);
  const rows = await db.selectFrom("ledger_usage_type").select(["currency", "cost"]).where("day", ">=", from).where("day", "<", to).execute();
  const totals = new Map<string, Big>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? new Big(0)).plus(r.cost));
  return [...totals].map(([currency, total]) => ({ days, from, to, currency, total: total.toFixed(), per_day: total.div(days).toFixed(2) }));
}

export interface SearchOptions {
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

async function lastSuccess(db: Db, stream: StreamName): Promise<string | null> {
  const row = await db.selectFrom("ledger_stream").select("last_success_at").where("stream", "=", stream).executeTakeFirst();
  return row?.last_success_at ? iso(row.last_success_at) : null;
}

const SEARCHABLE = {
  audit_events: { table: "ledger_audit_event", time: "created_at" },
  webhook_deliveries: { table: "ledger_webhook_delivery", time: "started_at" },
} as const;

/**
 * Free text over everything kept, newest first: for audit events resource ids, changed fields and
 * values, types; for webhook deliveries ids, event types, target URLs and statuses. Labelled with
 * the stream's last successful sync, since this is the dashboard's copy.
 */
export async function searchKept(db: Db, stream: keyof typeof SEARCHABLE, o: SearchOptions) {
  const { table, time } = SEARCHABLE[stream];
  // One query shape for both tables (their columns used here are the same).
  let q = db.selectFrom(table as "ledger_audit_event");
  const t = time as "created_at";
  if (o.q) q = q.where(sql<boolean>`search_text like ${likePattern(o.q)} escape '\\'`);
  if (o.from) q = q.where(t, ">=", dayStart(o.from));
  if (o.to) q = q.where(t, "<", dayStart(o.to));
  const [rows, total] = await Promise.all([
    q.select("body").orderBy(t, "desc").orderBy("id").limit(o.limit).offset(o.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map((r) => JSON.parse(r.body) as unknown), total: Number(total.n), last_sync_at: await lastSuccess(db, stream) };
}

export async function archivedInvoicePdf(db: Db, id: string) {
  const row = await db.selectFrom("ledger_invoice_pdf").selectAll().where("invoice_id", "=", id).executeTakeFirst();
  return row ? { bytes: new Uint8Array(row.bytes), sha256: row.sha256, size: Number(row.size), archived_at: iso(row.archived_at) } : null;
}

/** Ids of archived invoices (for the list's "archived" mark). */
export async function archivedInvoiceIds(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom("ledger_invoice_pdf").select("invoice_id").execute()).map((r) => r.invoice_id));
}

export interface StreamStatus {
  stream: StreamName;
  last_success_at: string | null;
  rows: number;
  cursor: unknown;
  calls_today: number;
  last_error: string | null;
  last_error_at: string | null;
  paused_until: string | null;
  running: boolean;
}

const ROW_TABLES = {
  balance: "ledger_balance",
  charges: "ledger_charges_month",
  invoices: "ledger_invoice",
  audit_events: "ledger_audit_event",
  webhook_deliveries: "ledger_webhook_delivery",
  usage: "ledger_usage_type",
} as const;

export async function syncStatus(db: Db, now = Date.now()): Promise<StreamStatus[]> {
  const rows = new Map((await db.selectFrom("ledger_stream").selectAll().execute()).map((r) => [r.stream, r]));
  const startOfDay = dayStart(utcDay(now));
  const calls = new Map(
    (
      await db
        .selectFrom("ledger_call")
        .select(["stream", (eb) => eb.fn.countAll<number>().as("n")])
        .where("at", ">=", startOfDay)
        .groupBy("stream")
        .execute()
    ).map((r) => [r.stream, Number(r.n)]),
  );
  return Promise.all(
    STREAMS.map(async (stream) => {
      const r = rows.get(stream);
      const count = await db.selectFrom(ROW_TABLES[stream]).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return {
        stream,
        last_success_at: r?.last_success_at ? iso(r.last_success_at) : null,
        rows: Number(count.n),
        cursor: r?.cursor ? JSON.parse(r.cursor) : null,
        calls_today: calls.get(stream) ?? 0,
        last_error: r?.last_error ?? null,
        last_error_at: r?.last_error_at ? iso(r.last_error_at) : null,
        paused_until: r?.paused_until && r.paused_until > now ? iso(r.paused_until) : null,
        running: !!r?.lease_holder && (r.lease_expires_at ?? 0) > now,
      };
    }),
  );
}

/** The whole database's size in bytes (SQLite: pages in use; Postgres: pg_database_size). */
export async function databaseSize(db: Db, engine: Engine): Promise<number> {
  if (engine === "postgres") {
    const r = await sql<{ size: number | string }>`select pg_database_size(current_database()) as size`.execute(db);
    return Number(r.rows[0]?.size ?? 0);
  }
  const r = await sql<{ size: number }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`.execute(db);
  return Number(r.rows[0]?.size ?? 0);
}



// ---- Reads for alert rules (lib/alerts) ----

/** The newest balance snapshot, or null before the first sync. */
export async function latestBalance(db: Db) {
  const r = await db.selectFrom("ledger_balance").selectAll().orderBy("at", "desc").limit(1).executeTakeFirst();
  return r ? { at: iso(Number(r.at)), balance: String(r.balance), available_credit: String(r.available_credit), currency: r.currency } : null;
}

/** Kept auto-recharge payments (audit events of a payment with `auto_recharge` true) since `sinceMs`. */
export async function autoRechargesSince(db: Db, sinceMs: number): Promise<{ at: string; amount: string | null }[]> {
  const rows = await db.selectFrom("ledger_audit_event").select(["created_at", "body"]).where("record_type", "=", "payment").where("created_at", ">=", sinceMs).orderBy("created_at").execute();
  const out: { at: string; amount: string | null }[] = [];
  for (const r of rows) {
    const changes = (JSON.parse(r.body).changes ?? []) as { field?: string; to?: unknown }[];
    if (!changes.some((c) => c.field === "auto_recharge" && c.to === true)) continue;
    const amount = changes.find((c) => c.field === "amount")?.to;
    out.push({ at: iso(Number(r.created_at)), amount: typeof amount === "string" ? amount : null });
  }
  return out;
}

/** Kept webhook deliveries started since `sinceMs`, per target URL: how many, how many failed. */
export async function webhookOutcomesSince(db: Db, sinceMs: number): Promise<{ url: string; total: number; failed: number }[]> {
  const rows = await db.selectFrom("ledger_webhook_delivery").select(["url", "status"]).where("started_at", ">=", sinceMs).execute();
  const acc = new Map<string, { url: string; total: number; failed: number }>();
  for (const r of rows) {
    const url = r.url ?? "";
    const a = acc.get(url) ?? { url, total: 0, failed: 0 };
    a.total++;
    if (r.status === "failed") a.failed++;
    acc.set(url, a);
  }
  return [...acc.values()].sort((a, b) => a.url.localeCompare(b.url));
}

/** Every user tag seen in the usage rollups. */
export async function knownTags(db: Db): Promise<string[]> {
  return (await db.selectFrom("ledger_usage_tag").select("tag").distinct().where("tag", "!=", "").execute()).map((r) => r.tag);
}
