// The breakdown as the Charges page shows it, computed on the server once per cached Telnyx read:
// the rows (by number), their total and cost per charge type, and each requested order kept, so a
// request for the first screen of rows in any order and search is a slice, not a recomputation.
import {
  breakdownRows,
  breakdownTotal,
  costByChargeType,
  filterBreakdown,
  sortBreakdown,
  type BreakdownRow,
  type BreakdownSort,
  type ChargeTypeCost,
} from "./breakdown";
import type { ChargesBreakdown } from "@/lib/telnyx/schemas/charges";

/** Rows the page asks for first: more than one screen of the table (32rem ÷ 41 px ≈ 12 rows). */
export const BREAKDOWN_FIRST_ROWS = 40;

export interface BreakdownView {
  start_date: string;
  end_date: string;
  currency: string;
  /** All numbers of the period, their total and cost per charge type (not affected by the search). */
  numbers: number;
  total: string;
  costs: ChargeTypeCost[];
  /** The order and search these rows are in. */
  sort: BreakdownSort;
  q: string;
  /** How many numbers match the search, and their total. */
  matched: number;
  matched_total: string;
  /** The matching rows in this order: all of them, or the first `limit`. */
  rows: BreakdownRow[];
}

/** The first screen of rows the page streams to the table, with the search and order it is for. */
export interface BreakdownFirstScreen {
  params: { start_date: string; end_date: string; q: string; sort: BreakdownSort; limit: number };
  value: { data: BreakdownView };
}

/** The streamed first screen if it is for exactly this period, search, order and number of rows. */
export function firstScreenFor(initial: BreakdownFirstScreen | null, want: BreakdownFirstScreen["params"]): { data: BreakdownView } | undefined {
  if (!initial) return undefined;
  const p = initial.params;
  const same = p.start_date === want.start_date && p.end_date === want.end_date && p.q === want.q && p.sort === want.sort && p.limit === want.limit;
  return same ? initial.value : undefined;
}

/** A breakdown ready to be sliced: its rows by number, totals, and each order asked for so far. */
export interface PreparedBreakdown {
  start_date: string;
  end_date: string;
  currency: string;
  byTn: BreakdownRow[];
  total: string;
  costs: ChargeTypeCost[];
  sorted: Map<BreakdownSort, BreakdownRow[]>;
}

/** From rows already by number with their totals (a view of all rows by number, as the browser gets it). */
export function preparedFromView(view: BreakdownView): PreparedBreakdown {
  if (view.sort !== "tn" || view.q.trim() || view.rows.length !== view.numbers) throw new Error("Not a view of all the rows by number");
  const { start_date, end_date, currency, rows, total, costs } = view;
  return { start_date, end_date, currency, byTn: rows, total, costs, sorted: new Map([["tn", rows]]) };
}

// Keyed by the cached read itself: while the read cache holds one breakdown, it is computed once.
const prepared = new WeakMap<ChargesBreakdown, PreparedBreakdown>();

export function prepareBreakdown(breakdown: ChargesBreakdown): PreparedBreakdown {
  let p = prepared.get(breakdown);
  if (!p) {
    const byTn = sortBreakdown(breakdownRows(breakdown), "tn");
    const { start_date, end_date, currency } = breakdown;
    p = { start_date, end_date, currency, byTn, total: breakdownTotal(byTn), costs: costByChargeType(byTn), sorted: new Map([["tn", byTn]]) };
    prepared.set(breakdown, p);
  }
  return p;
}

function sortedRows(p: PreparedBreakdown, sort: BreakdownSort): BreakdownRow[] {
  let rows = p.sorted.get(sort);
  if (!rows) p.sorted.set(sort, (rows = sortBreakdown(p.byTn, sort, { alreadyByTn: true })));
  return rows;
}

/**
 * The rows matching `q` in `sort` order (as visibleBreakdown orders them: filtering keeps the
 * order), the first `limit` of them if given, with the totals.
 */
export function sliceBreakdown(p: PreparedBreakdown, { q = "", sort, limit }: { q?: string; sort: BreakdownSort; limit?: number }): BreakdownView {
  const matching = filterBreakdown(sortedRows(p, sort), q);
  return {
    start_date: p.start_date,
    end_date: p.end_date,
    currency: p.currency,
    numbers: p.byTn.length,
    total: p.total,
    costs: p.costs,
    sort,
    q,
    matched: matching.length,
    matched_total: matching.length === p.byTn.length ? p.total : breakdownTotal(matching),
    rows: limit === undefined ? matching : matching.slice(0, limit),
  };
}

export function breakdownView(breakdown: ChargesBreakdown, options: { q?: string; sort: BreakdownSort; limit?: number }): BreakdownView {
  return sliceBreakdown(prepareBreakdown(breakdown), options);
}
