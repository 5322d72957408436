// A closed month as the ledger holds it: the charges summary and breakdown, the usage rollups per
// record type and per tag, the invoice and its archived PDF, the billing audit events, the top-ups;
// and which ledger streams do not cover the month yet (then the month is "incomplete").
import "server-only";
import { gatherTopUps, type TopUp } from "@/lib/billing/topups";
import type { Db } from "@/lib/db";
import { addDays, addMonths, dayStart, utcDay } from "@/lib/ledger/clock";
import { ledgerConfig, type StreamName } from "@/lib/ledger/config";
import { dailySpend, type DailySpend } from "@/lib/ledger/read";
import type { ChargesBreakdown, ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { DETAIL_RECORD_TYPES } from "@/lib/telnyx/schemas/detail-records";

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface MonthBounds {
  month: string;
  /** First day, and the first day of the next month (exclusive), UTC. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  lastDay: string;
}

export function monthBounds(month: string): MonthBounds {
  const start = `${month}-01`;
  const end = `${addMonths(month, 1)}-01`;
  return { month, start, end, startMs: dayStart(start), endMs: dayStart(end), lastDay: addDays(end, -1) };
}

/** Whether the month has ended (only ended months are reconciled and closed). */
export function monthEnded(month: string, now = Date.now()): boolean {
  return monthBounds(month).endMs <= now;
}

export interface BillingAuditEvent {
  id: string;
  at: string;
  record_type: string;
  change_type: string;
  resource_id: string;
  made_by: string;
  changes: { field?: string; from?: unknown; to?: unknown }[];
}

export interface MonthData {
  bounds: MonthBounds;
  currency: string;
  summary: ChargesSummary | null;
  breakdown: ChargesBreakdown | null;
  charges_fetched_at: string | null;
  usageByDay: DailySpend[];
  usageByTag: DailySpend[];
  /** The user tags seen on each record type's records in the month. */
  tagsByType: Record<string, string[]>;
  invoice: { id: string; period_start: string; period_end: string; paid: boolean } | null;
  pdf: { bytes: Uint8Array; sha256: string } | null;
  audit: BillingAuditEvent[];
  topUps: TopUp[];
  balances: { at: number; balance: string }[];
  /** Ledger streams that do not cover the month (empty: complete). */
  missing: StreamName[];
}

/** Audit record types that touch billing (payments, auto-recharge, billing groups, numbers). */
export const BILLING_AUDIT_TYPES = ["payment", "auto_recharge_pref", "billing_group", "phone_number"] as const;

const iso = (ms: number) => new Date(ms).toISOString();

async function streamRows(db: Db) {
  return new Map((await db.selectFrom("ledger_stream").select(["stream", "cursor", "last_success_at"]).execute()).map((r) => [r.stream, r]));
}

/**
 * The streams whose data for the month is not complete in the ledger: charges (the month's summary
 * and breakdown read after it ended), invoices and audit events (synced since the month ended), and
 * usage (every record type's rollups through the month's last day, from its first).
 */
export async function missingStreams(db: Db, b: MonthBounds, chargesFetchedAt: number | null, hasBreakdown: boolean): Promise<StreamName[]> {
  const streams = await streamRows(db);
  const missing: StreamName[] = [];
  const syncedSinceEnd = (s: StreamName) => Number(streams.get(s)?.last_success_at ?? 0) >= b.endMs;
  if (chargesFetchedAt === null || chargesFetchedAt < b.endMs || !hasBreakdown) missing.push("charges");
  if (!syncedSinceEnd("invoices")) missing.push("invoices");
  if (!syncedSinceEnd("audit_events")) missing.push("audit_events");
  const cursor = streams.get("usage")?.cursor;
  const types = (cursor ? (JSON.parse(cursor) as { types?: Record<string, { done_through?: string }> }).types : undefined) ?? {};
  const through = DETAIL_RECORD_TYPES.every((t) => (types[t]?.done_through ?? "") >= b.lastDay);
  // The first backfill reaches LEDGER_BACKFILL_DAYS back; earlier rollups mean an earlier start.
  const first = await db.selectFrom("ledger_usage_type").select("day").orderBy("day").limit(1).executeTakeFirst();
  const backfillStart = addDays(utcDay(Date.now()), -(ledgerConfig().backfillDays - 1));
  const from = (first?.day && first.day <= b.start) || backfillStart <= b.start;
  if (!through || !from) missing.push("usage");
  return missing;
}

async function tagsByType(db: Db, b: MonthBounds): Promise<Record<string, string[]>> {
  const rows = await db
    .selectFrom("ledger_usage_tag")
    .select(["record_type", "tag"])
    .distinct()
    .where("day", ">=", b.start)
    .where("day", "<", b.end)
    .where("tag", "!=", "")
    .execute();
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.record_type] ??= []).push(r.tag);
  for (const tags of Object.values(out)) tags.sort();
  return out;
}

export async function loadMonth(db: Db, month: string): Promise<MonthData> {
  const bounds = monthBounds(month);
  const charges = await db.selectFrom("ledger_charges_month").selectAll().where("month", "=", month).executeTakeFirst();
  const summary = charges ? (JSON.parse(charges.summary) as ChargesSummary) : null;
  const breakdown = charges?.breakdown ? (JSON.parse(charges.breakdown) as ChargesBreakdown) : null;
  const fetchedAt = charges ? Number(charges.fetched_at) : null;
  const invoiceRow = await db
    .selectFrom("ledger_invoice")
    .selectAll()
    .where("period_start", ">=", bounds.start)
    .where("period_start", "<", bounds.end)
    .orderBy("period_start")
    .executeTakeFirst();
  const pdfRow = invoiceRow ? await db.selectFrom("ledger_invoice_pdf").select(["bytes", "sha256"]).where("invoice_id", "=", invoiceRow.id).executeTakeFirst() : undefined;
  const auditRows = await db
    .selectFrom("ledger_audit_event")
    .select("body")
    .where("created_at", ">=", bounds.startMs)
    .where("created_at", "<", bounds.endMs)
    .where("record_type", "in", [...BILLING_AUDIT_TYPES])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const audit = auditRows.map((r) => {
    const e = JSON.parse(r.body) as Record<string, unknown> & { changes?: BillingAuditEvent["changes"] | null };
    return {
      id: String(e.id),
      at: iso(Date.parse(String(e.created_at))),
      record_type: String(e.record_type ?? ""),
      change_type: String(e.change_type ?? ""),
      resource_id: String(e.resource_id ?? ""),
      made_by: String(e.change_made_by ?? ""),
      changes: e.changes ?? [],
    };
  });
  const topUps = await gatherTopUps(db, bounds.startMs, bounds.endMs, { live: false });
  const balances = (
    await db.selectFrom("ledger_balance").select(["at", "balance"]).where("at", ">=", bounds.startMs).where("at", "<", bounds.endMs).orderBy("at").execute()
  ).map((r) => ({ at: Number(r.at), balance: String(r.balance) }));
  return {
    bounds,
    currency: summary?.currency ?? topUps.meta.currency,
    summary,
    breakdown,
    charges_fetched_at: fetchedAt === null ? null : iso(fetchedAt),
    usageByDay: await dailySpend(db, bounds.start, bounds.end, "record_type"),
    usageByTag: await dailySpend(db, bounds.start, bounds.end, "tag"),
    tagsByType: await tagsByType(db, bounds),
    invoice: invoiceRow
      ? { id: invoiceRow.id, period_start: invoiceRow.period_start, period_end: invoiceRow.period_end, paid: invoiceRow.paid === true || invoiceRow.paid === 1 }
      : null,
    pdf: pdfRow ? { bytes: new Uint8Array(pdfRow.bytes), sha256: pdfRow.sha256 } : null,
    audit,
    topUps: topUps.data,
    balances,
    missing: await missingStreams(db, bounds, fetchedAt, breakdown !== null),
  };
}
