// The totals of an all-record-types usage export for a month, and how they compare with the
// usage on that month's charges. Pure: the usage page and its unit tests share them.
import { Big } from "@/lib/money";

export interface CurrencyTotal {
  currency: string;
  amount: string;
}

export interface ResultTotals {
  count: number;
  costs: CurrencyTotal[];
}

function totalsOf(entries: Iterable<{ currency: string; cost: string; count: number }>): ResultTotals {
  const byCurrency = new Map<string, Big>();
  let count = 0;
  for (const e of entries) {
    count += e.count;
    if (!/^-?\d+(\.\d+)?$/.test(e.cost)) continue;
    const currency = e.currency || "USD";
    byCurrency.set(currency, (byCurrency.get(currency) ?? new Big(0)).plus(e.cost));
  }
  return {
    count,
    costs: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) })),
  };
}

/** The exported file's own total: every row's cost, per currency (rows without a cost count, add nothing). */
export function exportTotals(rows: readonly Record<string, string>[]): ResultTotals {
  return totalsOf(rows.map((r) => ({ currency: r.currency ?? "", cost: r.cost ?? "", count: 1 })));
}

/** The ledger's total for the days it has: its per-day, per-type rollups added up. */
export function ledgerTotals(days: readonly { count: number; cost: string; currency: string }[]): ResultTotals {
  return totalsOf(days);
}

export interface ChargesComparison {
  /** usage − charges, two decimals. */
  difference: string;
  /** The two agree to the cent. */
  matches: boolean;
  sentence: string;
}

/**
 * The usage total beside the usage on Charges (its simple lines) for the same month, in words.
 * Both are rounded to cents first: records carry fractions of a cent, the bill does not.
 */
export function compareWithCharges(usage: string, charges: string, format: (amount: string) => string): ChargesComparison {
  const u = new Big(usage).round(2);
  const c = new Big(charges).round(2);
  const diff = u.minus(c);
  const difference = diff.toFixed(2);
  if (diff.eq(0)) return { difference, matches: true, sentence: `Matches the usage on Charges for this month (${format(c.toFixed(2))}).` };
  const more = diff.gt(0);
  return {
    difference,
    matches: false,
    sentence: `Usage on Charges for this month is ${format(c.toFixed(2))}: the records come to ${format(diff.abs().toFixed(2))} ${more ? "more" : "less"}.`,
  };
}
