// The per-number breakdown as the table and its CSV show it: one row per number with its total
// cost, searched and sorted the same way on both sides so an export matches the screen.
import type { ChargesBreakdown } from "@/lib/telnyx/schemas/charges";
import { compareUnits, sumDecimalGroups, sumDecimalStrings, toFixedPoint } from "./fixed-point";

// The order String#localeCompare gives without arguments, without building a collator per call.
const text = new Intl.Collator();

export interface BreakdownRow {
  tn: string;
  charge_type: string;
  owner_email: string;
  owner_id: string;
  /** The services, e.g. "Local DIDs (MRC); E911 Address (MRC)". */
  services: string;
  cost: string;
}

export const BREAKDOWN_COLUMNS = ["tn", "charge_type", "owner_email", "owner_id", "services", "cost"] as const satisfies readonly (keyof BreakdownRow)[];

export const BREAKDOWN_SORTS = ["tn", "-tn", "charge_type", "-charge_type", "owner", "-owner", "cost", "-cost"] as const;
export type BreakdownSort = (typeof BREAKDOWN_SORTS)[number];
export const DEFAULT_BREAKDOWN_SORT: BreakdownSort = "-cost";

export function breakdownRows(breakdown: Pick<ChargesBreakdown, "results">): BreakdownRow[] {
  return breakdown.results.map((n) => ({
    tn: n.tn,
    charge_type: n.charge_type,
    owner_email: n.service_owner_email,
    owner_id: n.service_owner_user_id,
    services: n.services.map((s) => `${s.name} (${s.cost_type})`).join("; "),
    cost: sumDecimalStrings(n.services.map((s) => s.cost)),
  }));
}

/** Case-insensitive match on number (digits ignore spaces and punctuation), charge type, owner and services. */
export function filterBreakdown(rows: readonly BreakdownRow[], query: string): BreakdownRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  const digits = q.replace(/[^\d]/g, "");
  const numeric = digits.length > 0 && /^[\d\s()+.-]+$/.test(q);
  return rows.filter(
    (r) =>
      (numeric && r.tn.replace(/\D/g, "").includes(digits)) ||
      r.tn.toLowerCase().includes(q) ||
      r.charge_type.toLowerCase().includes(q) ||
      r.owner_email.toLowerCase().includes(q) ||
      r.services.toLowerCase().includes(q),
  );
}

/** Rank of each value in the order of `text` (values it holds equal share a rank). */
function textRanks(values: readonly string[]): number[] {
  const unique = [...new Set(values)].sort(text.compare);
  const rank = new Map<string, number>();
  let r = 0;
  unique.forEach((v, i) => rank.set(v, i > 0 && text.compare(unique[i - 1]!, v) !== 0 ? ++r : r));
  return values.map((v) => rank.get(v)!);
}

/**
 * By the field, ties by number. Done as two stable sorts, by number and then by the field on keys
 * computed once (costs as exact fixed-point integers, text as ranks), so a comparison is one
 * integer comparison rather than a Big or a collation; the first pass is skipped when the caller
 * says the rows already come by number (lib/charges/breakdown-view.ts keeps them so).
 */
export function sortBreakdown(rows: readonly BreakdownRow[], sort: BreakdownSort, { alreadyByTn = false }: { alreadyByTn?: boolean } = {}): BreakdownRow[] {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as "tn" | "charge_type" | "owner" | "cost";
  if (field === "tn") return [...rows].sort((a, b) => (desc ? text.compare(b.tn, a.tn) : text.compare(a.tn, b.tn)));
  // `alreadyByTn`: the caller keeps them by number (a prepared breakdown), so the first pass is skipped.
  const byTn = alreadyByTn ? rows : [...rows].sort((a, b) => text.compare(a.tn, b.tn));
  const keys: readonly (bigint | number)[] =
    field === "cost" ? toFixedPoint(byTn.map((r) => r.cost)).units : textRanks(byTn.map((r) => (field === "owner" ? r.owner_email : r.charge_type)));
  const sign = desc ? -1 : 1;
  return byTn
    .map((_, i) => i)
    .sort((i, j) => sign * compareUnits(keys[i]!, keys[j]!))
    .map((i) => byTn[i]!);
}

export function visibleBreakdown(rows: readonly BreakdownRow[], query: string, sort: BreakdownSort): BreakdownRow[] {
  return sortBreakdown(filterBreakdown(rows, query), sort);
}

export interface ChargeTypeCost {
  charge_type: string;
  numbers: number;
  cost: string;
}

/** Total cost per charge type, most expensive first. */
export function costByChargeType(rows: readonly BreakdownRow[]): ChargeTypeCost[] {
  const numbers = new Map<string, number>();
  for (const r of rows) numbers.set(r.charge_type, (numbers.get(r.charge_type) ?? 0) + 1);
  const costs = sumDecimalGroups(rows.map((r) => [r.charge_type, r.cost] as const));
  const types = [...costs.keys()];
  const keys = toFixedPoint(types.map((t) => costs.get(t)!)).units;
  return types
    .map((charge_type, i) => ({ charge_type, numbers: numbers.get(charge_type)!, cost: costs.get(charge_type)!, key: keys[i]! }))
    .sort((a, b) => compareUnits(b.key, a.key) || text.compare(a.charge_type, b.charge_type))
    .map(({ charge_type, numbers: n, cost }) => ({ charge_type, numbers: n, cost }));
}

export function breakdownTotal(rows: readonly BreakdownRow[]): string {
  return sumDecimalStrings(rows.map((r) => r.cost));
}
