// The per-number breakdown as the table and its CSV show it: one row per number with its total
// cost, searched and sorted the same way on both sides so an export matches the screen.
import { Big, sumDecimals } from "@/lib/money";
import type { ChargesBreakdown } from "@/lib/telnyx/schemas/charges";
import { toDecimalString } from "./totals";

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
    cost: toDecimalString(sumDecimals(n.services.map((s) => s.cost))),
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

export function sortBreakdown(rows: readonly BreakdownRow[], sort: BreakdownSort): BreakdownRow[] {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as "tn" | "charge_type" | "owner" | "cost";
  const cmp = (a: BreakdownRow, b: BreakdownRow): number => {
    let c: number;
    if (field === "cost") c = new Big(a.cost).cmp(b.cost);
    else if (field === "owner") c = a.owner_email.localeCompare(b.owner_email);
    else c = a[field].localeCompare(b[field]);
    // Ties keep a stable, predictable order: by number.
    return (desc ? -c : c) || a.tn.localeCompare(b.tn);
  };
  return [...rows].sort(cmp);
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
  const map = new Map<string, { numbers: number; cost: Big }>();
  for (const r of rows) {
    const entry = map.get(r.charge_type) ?? { numbers: 0, cost: new Big(0) };
    entry.numbers++;
    entry.cost = entry.cost.plus(r.cost);
    map.set(r.charge_type, entry);
  }
  return [...map.entries()]
    .map(([charge_type, e]) => ({ charge_type, numbers: e.numbers, cost: toDecimalString(e.cost) }))
    .sort((a, b) => new Big(b.cost).cmp(a.cost) || a.charge_type.localeCompare(b.charge_type));
}

export function breakdownTotal(rows: readonly BreakdownRow[]): string {
  return toDecimalString(sumDecimals(rows.map((r) => r.cost)));
}
