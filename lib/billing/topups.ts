// Every top-up of the balance in a window, with who made it: the one place the Payments view
// (GET /api/payments) and the month-close pack (payments-YYYY-MM.csv, the top-ups check) read them.
//
// Telnyx's audit log records each payment (`record_type` "payment", changes `amount`, `balance`
// from/to, `auto_recharge: true` for auto-recharges) but only ever sees the API key, so a payment
// made through the dashboard is named from the dashboard's own action log (`payment.create`,
// matched by amount within a few minutes). A payment the audit log shows and the action log does
// not was made outside the dashboard: the Telnyx portal (or another API client). A dashboard
// payment the audit log does not show yet is listed from the action log alone.
//
// Source: the ledger's kept audit events up to their last sync; after it (or when the stream never
// synced) Telnyx's audit log is read live. `meta` says which, and how fresh.
import "server-only";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { Big, DECIMAL_PATTERN } from "@/lib/money";
import { runOperation } from "@/lib/telnyx/run";

export type TopUpKind = "dashboard" | "auto_recharge" | "portal";

export interface TopUp {
  at: string;
  amount: string;
  currency: string;
  kind: TopUpKind;
  /** A person's email for dashboard payments; "Auto-recharge"; "Telnyx portal". */
  who: string;
  /** How it was paid, where known. */
  method: string | null;
  /** Telnyx's payment (audit resource) id, when the audit log shows it. */
  payment_id: string | null;
  audit_event_id: string | null;
  balance_before: string | null;
  balance_after: string | null;
  /** Where the dashboard saw it. */
  seen_in: "audit_log" | "action_log" | "both";
}

export interface TopUpMeta {
  from: string;
  to: string;
  /** "ledger": every event came from the dashboard's copy; "ledger+live": plus a live read after its last sync; "live": read live only. */
  source: "ledger" | "ledger+live" | "live";
  audit_last_sync_at: string | null;
  generated_at: string;
  total: string;
  count: number;
  currency: string;
  /** A live read that failed: the top-ups after the ledger's last sync may be missing. */
  warning: string | null;
}

/** What one audit payment event says (from the ledger's body or a live read). */
export interface PaymentEventLike {
  id: string;
  created_at: string;
  resource_id?: string | null;
  change_made_by?: string | null;
  changes?: { field?: string; from?: unknown; to?: unknown }[] | null;
}

/** A `payment.create` the dashboard's action log recorded as charged. */
export interface DashboardPayment {
  at: string;
  email: string | null;
  amount: string;
}

/** A dashboard payment and its audit event are the same payment when this close in time. */
export const MATCH_WINDOW_MS = 10 * 60_000;
const METHOD = {
  dashboard: "Stored payment method (dashboard)",
  auto_recharge: "Stored payment method (auto-recharge)",
} as const;
export const WHO = { auto_recharge: "Auto-recharge", portal: "Telnyx portal" } as const;

const decimal = (v: unknown): string | null => {
  const s = typeof v === "number" ? String(v) : v;
  return typeof s === "string" && DECIMAL_PATTERN.test(s) ? new Big(s).toFixed(2) : null;
};

function change(e: PaymentEventLike, field: string) {
  return (e.changes ?? []).find((c) => c.field === field);
}

/**
 * The top-ups of the audit events and dashboard payments given (both already limited to the
 * window), oldest first. Pure: the tests feed it directly.
 */
export function classifyTopUps(events: readonly PaymentEventLike[], dashboard: readonly DashboardPayment[], currency: string): TopUp[] {
  const unmatched = dashboard.map((d) => ({ ...d, ms: Date.parse(d.at), amount: new Big(d.amount).toFixed(2) }));
  const out: TopUp[] = [];
  for (const e of [...events].sort((a, b) => a.created_at.localeCompare(b.created_at))) {
    const amount = decimal(change(e, "amount")?.to);
    if (amount === null) continue; // not a top-up the log can price
    const balance = change(e, "balance");
    const auto = change(e, "auto_recharge")?.to === true || e.change_made_by === "telnyx";
    const base = {
      at: new Date(e.created_at).toISOString(),
      amount,
      currency,
      payment_id: e.resource_id ?? null,
      audit_event_id: e.id,
      balance_before: decimal(balance?.from),
      balance_after: decimal(balance?.to),
    };
    if (auto) {
      out.push({ ...base, kind: "auto_recharge", who: WHO.auto_recharge, method: METHOD.auto_recharge, seen_in: "audit_log" });
      continue;
    }
    const ms = Date.parse(e.created_at);
    let best = -1;
    for (let i = 0; i < unmatched.length; i++) {
      const d = unmatched[i]!;
      if (d.amount !== amount || Math.abs(d.ms - ms) > MATCH_WINDOW_MS) continue;
      if (best < 0 || Math.abs(d.ms - ms) < Math.abs(unmatched[best]!.ms - ms)) best = i;
    }
    if (best >= 0) {
      const [d] = unmatched.splice(best, 1);
      out.push({ ...base, kind: "dashboard", who: d!.email ?? "a dashboard user", method: METHOD.dashboard, seen_in: "both" });
    } else out.push({ ...base, kind: "portal", who: WHO.portal, method: null, seen_in: "audit_log" });
  }
  for (const d of unmatched)
    out.push({
      at: new Date(d.ms).toISOString(),
      amount: d.amount,
      currency,
      kind: "dashboard",
      who: d.email ?? "a dashboard user",
      method: METHOD.dashboard,
      payment_id: null,
      audit_event_id: null,
      balance_before: null,
      balance_after: null,
      seen_in: "action_log",
    });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Successful dashboard payments in [fromMs, toMs) (the matching window on both sides included). */
async function dashboardPayments(db: Db, fromMs: number, toMs: number): Promise<DashboardPayment[]> {
  const rows = await db
    .selectFrom("action_log")
    .select(["at", "user_email", "params"])
    .where("action", "=", "payment.create")
    .where("outcome", "=", "success")
    .where("at", ">=", new Date(fromMs).toISOString())
    .where("at", "<", new Date(toMs).toISOString())
    .execute();
  const out: DashboardPayment[] = [];
  for (const r of rows) {
    const amount = decimal((JSON.parse(r.params) as { amount?: unknown }).amount);
    if (amount) out.push({ at: new Date(r.at).toISOString(), email: r.user_email, amount });
  }
  return out;
}

async function keptPaymentEvents(db: Db, fromMs: number, toMs: number): Promise<PaymentEventLike[]> {
  const rows = await db
    .selectFrom("ledger_audit_event")
    .select("body")
    .where("record_type", "=", "payment")
    .where("created_at", ">=", fromMs)
    .where("created_at", "<", toMs)
    .execute();
  return rows.map((r) => JSON.parse(r.body) as PaymentEventLike);
}

const LIVE_OVERLAP_MS = 1_000;
/** At most this many pages of the audit log are read live (250 events each). */
const LIVE_PAGE_LIMIT = 20;

/** Payment events of Telnyx's audit log in [fromMs, toMs), read live (paged, oldest first). */
async function livePaymentEvents(fromMs: number, toMs: number): Promise<PaymentEventLike[]> {
  const out: PaymentEventLike[] = [];
  const created_after = new Date(fromMs).toISOString();
  const created_before = new Date(toMs).toISOString();
  for (let page = 1; page <= LIVE_PAGE_LIMIT; page++) {
    const res = await runOperation("auditEvents", { page, size: 250, sort: "asc", created_after, created_before } as never);
    const { data, meta } = res as { data: (PaymentEventLike & { record_type?: string })[]; meta: { total_pages: number } };
    for (const e of data) {
      const ms = Date.parse(e.created_at);
      if (e.record_type === "payment" && ms >= fromMs && ms < toMs) out.push(e);
    }
    if (page >= meta.total_pages || data.length === 0) break;
  }
  return out;
}

async function accountCurrency(db: Db): Promise<string> {
  const row = await db.selectFrom("ledger_balance").select("currency").orderBy("at", "desc").limit(1).executeTakeFirst();
  return row?.currency ?? "USD";
}

export interface GatherOptions {
  now?: number;
  /** Read Telnyx live for what the ledger does not cover yet (default true). */
  live?: boolean;
}

/** Top-ups in [fromMs, toMs), oldest first, with where they came from. */
export async function gatherTopUps(db: Db, fromMs: number, toMs: number, options: GatherOptions = {}): Promise<{ data: TopUp[]; meta: TopUpMeta }> {
  const now = options.now ?? Date.now();
  const live = options.live ?? true;
  const stream = await db.selectFrom("ledger_stream").select("last_success_at").where("stream", "=", "audit_events").executeTakeFirst();
  const lastSync = stream?.last_success_at ? Number(stream.last_success_at) : null;
  const end = Math.min(toMs, now);
  let events: PaymentEventLike[] = [];
  let source: TopUpMeta["source"] = "ledger";
  let warning: string | null = null;
  if (lastSync !== null) events = await keptPaymentEvents(db, fromMs, toMs);
  // The audit stream re-reads a second before its bound; the live read does the same (ids dedupe).
  const liveFrom = lastSync === null ? fromMs : Math.max(fromMs, lastSync - LIVE_OVERLAP_MS);
  if (live && liveFrom < end) {
    try {
      events.push(...(await livePaymentEvents(liveFrom, end)));
      source = lastSync === null ? "live" : "ledger+live";
    } catch (error) {
      log.warn("topups.live_read_failed", { message: (error as Error).message });
      warning =
        lastSync === null
          ? "The ledger has no audit events yet and Telnyx's audit log could not be read: only dashboard payments are listed."
          : `Telnyx's audit log could not be read: top-ups after the last sync (${new Date(lastSync).toISOString()}) may be missing.`;
    }
  }
  const seen = new Set<string>();
  events = events.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
  const currency = await accountCurrency(db);
  const data = classifyTopUps(events, await dashboardPayments(db, fromMs, toMs), currency);
  return {
    data,
    meta: {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      source,
      audit_last_sync_at: lastSync === null ? null : new Date(lastSync).toISOString(),
      generated_at: new Date(now).toISOString(),
      total: data.reduce((s, t) => s.plus(t.amount), new Big(0)).toFixed(2),
      count: data.length,
      currency,
      warning,
    },
  };
}

export const TOPUP_CSV_COLUMNS = ["at", "amount", "currency", "who", "kind", "method", "payment_id", "balance_before", "balance_after", "seen_in"] as const;

export function topUpCsvRows(data: readonly TopUp[]): Record<(typeof TOPUP_CSV_COLUMNS)[number], string>[] {
  return data.map((t) => ({
    at: t.at,
    amount: t.amount,
    currency: t.currency,
    who: t.who,
    kind: t.kind,
    method: t.method ?? "",
    payment_id: t.payment_id ?? "",
    balance_before: t.balance_before ?? "",
    balance_after: t.balance_after ?? "",
    seen_in: t.seen_in,
  }));
}
