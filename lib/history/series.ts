// Shaping the ledger's history for the charts and the runway (pure, browser-safe): the balance
// history as a step series with reconstructed points apart from snapshots, daily spend totals
// zero-filled per UTC day, and the trailing 7- and 30-day daily spend. Amounts stay decimal
// strings; the plotted numbers are only for drawing.
import { Big } from "@/lib/money";
import type { BalancePoint, DailySpend } from "@/lib/ledger/read";

const DAY_MS = 86_400_000;

export const addUtcDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const utcDayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The overview's daily usage card's and runway's days: the last 30 and today (UTC, `to` exclusive). */
export function overviewSpendRange(now: string) {
  const today = utcDayOf(new Date(now));
  return { today, from: addUtcDays(today, -30), to: addUtcDays(today, 1) };
}

/** The balance history card's days: the last `days` UTC days, today included (`to` exclusive). */
export function balanceHistoryRange(now: string, days: number) {
  const to = addUtcDays(utcDayOf(new Date(now)), 1);
  return { from: addUtcDays(to, -days), to };
}

export interface BalanceChartRow {
  t: number;
  at: string;
  balance: string;
  source: BalancePoint["source"];
  /** Plotted in the snapshot series (null elsewhere). */
  snapshot: number | null;
  /** Plotted in the reconstructed series; the first snapshot repeats here so both lines join. */
  reconstructed: number | null;
}

/**
 * One row per reconstructed point and the last snapshot of each `bucketMs` (5-minute snapshots over
 * 90 days would be 26,000 points; the last of each hour still shows a top-up as a step), in the
 * currency of the latest point.
 */
export function balanceChartRows(points: readonly BalancePoint[], bucketMs = 3_600_000): BalanceChartRow[] {
  const currency = points.at(-1)?.currency;
  const rows: BalanceChartRow[] = [];
  let joined = false;
  for (const p of points) {
    if (p.currency !== currency) continue;
    const t = Date.parse(p.at);
    const value = Number(p.balance);
    if (p.source === "reconstructed") {
      rows.push({ t, at: p.at, balance: p.balance, source: p.source, snapshot: null, reconstructed: value });
      continue;
    }
    const row: BalanceChartRow = { t, at: p.at, balance: p.balance, source: p.source, snapshot: value, reconstructed: null };
    if (!joined && rows.length > 0) row.reconstructed = value;
    joined = true;
    const last = rows.at(-1);
    if (last?.source === "snapshot" && Math.floor(last.t / bucketMs) === Math.floor(t / bucketMs)) rows[rows.length - 1] = { ...row, reconstructed: last.reconstructed };
    else rows.push(row);
  }
  return rows;
}

export interface DayTotal {
  date: string;
  cost: string;
  count: number;
}

/** Total cost per UTC day in [from, to) in one currency, every day present (0 when nothing was used). */
export function dailyTotals(rows: readonly DailySpend[], from: string, to: string, currency: string): DayTotal[] {
  const byDay = new Map<string, { cost: Big; count: number }>();
  for (const r of rows) {
    if (r.currency !== currency) continue;
    const d = byDay.get(r.date) ?? { cost: new Big(0), count: 0 };
    d.cost = d.cost.plus(r.cost);
    d.count += r.count;
    byDay.set(r.date, d);
  }
  const out: DayTotal[] = [];
  for (let day = from; day < to; day = addUtcDays(day, 1)) {
    const d = byDay.get(day);
    out.push({ date: day, cost: d ? d.cost.toFixed() : "0", count: d?.count ?? 0 });
  }
  return out;
}

export interface TrailingRate {
  days: 7 | 30;
  total: string;
  /** total / days, to the cent. */
  perDay: string;
}

export interface TrailingChoice {
  rates: [TrailingRate, TrailingRate];
  /** The higher of the two, so the runway errs on the short side. */
  used: TrailingRate;
}

/**
 * The trailing 7- and 30-day daily spend over the full UTC days before `today` (as
 * lib/ledger/read.ts trailingDailySpend), from daily spend rows covering at least those 30 days.
 * Null when the ledger holds no usage in them (no rollups yet): the runway then keeps this month's average.
 */
export function trailingRates(rows: readonly DailySpend[], today: string, currency: string): TrailingChoice | null {
  const inCurrency = rows.filter((r) => r.currency === currency && r.date < today);
  if (!inCurrency.some((r) => r.date >= addUtcDays(today, -30))) return null;
  const rate = (days: 7 | 30): TrailingRate => {
    const from = addUtcDays(today, -days);
    const total = inCurrency.filter((r) => r.date >= from).reduce((a, r) => a.plus(r.cost), new Big(0));
    return { days, total: total.toFixed(), perDay: total.div(days).round(2, Big.roundHalfUp).toFixed(2) };
  };
  const rates: [TrailingRate, TrailingRate] = [rate(7), rate(30)];
  return { rates, used: new Big(rates[0].perDay).gte(rates[1].perDay) ? rates[0] : rates[1] };
}

export interface SpendPivot {
  currency: string | null;
  /** Keys (record types or tags; null = untagged) by total cost, highest first. */
  keys: (string | null)[];
  /** One row per UTC day in [from, to), newest first; costs per key index, exact. */
  days: { date: string; costs: string[]; total: string }[];
  totals: string[];
  total: string;
  /** Currencies other than `currency` present in the rows (not in the table). */
  otherCurrencies: string[];
}

/** Daily spend as a day × key table in the rows' main currency, every day of the range present. */
export function pivotDailySpend(rows: readonly DailySpend[], from: string, to: string): SpendPivot {
  const byCurrency = new Map<string, Big>();
  for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? new Big(0)).plus(r.cost.replace(/^-/, "")));
  const currency = [...byCurrency].sort((a, b) => b[1].cmp(a[1]))[0]?.[0] ?? null;
  const mine = rows.filter((r) => r.currency === currency);
  const keyTotals = new Map<string | null, Big>();
  for (const r of mine) keyTotals.set(r.key, (keyTotals.get(r.key) ?? new Big(0)).plus(r.cost));
  const keys = [...keyTotals].sort((a, b) => b[1].cmp(a[1]) || String(a[0]).localeCompare(String(b[0]))).map(([k]) => k);
  const index = new Map(keys.map((k, i) => [k, i]));
  const cells = new Map<string, Big[]>();
  for (const r of mine) {
    const row = cells.get(r.date) ?? keys.map(() => new Big(0));
    row[index.get(r.key)!] = row[index.get(r.key)!]!.plus(r.cost);
    cells.set(r.date, row);
  }
  const days: SpendPivot["days"] = [];
  for (let day = addUtcDays(to, -1); day >= from; day = addUtcDays(day, -1)) {
    const row = cells.get(day) ?? keys.map(() => new Big(0));
    days.push({ date: day, costs: row.map((c) => c.toFixed()), total: row.reduce((a, c) => a.plus(c), new Big(0)).toFixed() });
  }
  const totals = keys.map((k) => keyTotals.get(k)!.toFixed());
  return {
    currency,
    keys,
    days,
    totals,
    total: keys.reduce((a, k) => a.plus(keyTotals.get(k)!), new Big(0)).toFixed(),
    otherCurrencies: [...byCurrency.keys()].filter((c) => c !== currency),
  };
}
