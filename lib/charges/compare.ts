// Month over month: each line of one period against the same line (by alias) of the one before.
import { Big } from "@/lib/money";
import type { ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { lineAmount, summaryTotals, toDecimalString } from "./totals";

export interface ComparisonRow {
  key: string;
  name: string;
  current: string;
  previous: string;
  /** current − previous. */
  change: string;
  /** The change as a percentage of the previous amount, to one decimal; null when no percentage means anything (see `percentNote`). */
  percent: string | null;
  /** Why there is no percentage: both zero, new this period, or an amount that is a credit (negative) on either side. */
  percentNote: PercentNote | null;
}

export type PercentNote = "both_zero" | "new" | "credit";

/** What each note means, said where "—", "new" or "n/a" is shown. */
export const PERCENT_NOTE_WORDS: Record<PercentNote, { text: string; meaning: string }> = {
  both_zero: { text: "—", meaning: "Nothing in either period" },
  new: { text: "new", meaning: "Nothing in the period before, so no percentage" },
  credit: { text: "n/a", meaning: "A percentage means nothing for a credit (a negative amount): compare the amounts" },
};

type Parts = Pick<ChargesSummary["summary"], "lines" | "adjustments">;

/**
 * The change in percent of the previous amount, only between charges (both amounts zero or more):
 * a credit going from -$48.00 to $0.00 is not "+100 %" of anything.
 */
export function percentChange(current: Big, previous: Big): { percent: string | null; note: PercentNote | null } {
  if (current.lt(0) || previous.lt(0)) return { percent: null, note: "credit" };
  if (previous.eq(0)) return { percent: null, note: current.eq(0) ? "both_zero" : "new" };
  return { percent: current.minus(previous).div(previous).times(100).round(1).toFixed(1), note: null };
}

function row(key: string, name: string, current: Big, previous: Big): ComparisonRow {
  return {
    key,
    name,
    current: toDecimalString(current),
    previous: toDecimalString(previous),
    change: toDecimalString(current.minus(previous)),
    ...(({ percent, note }) => ({ percent, percentNote: note }))(percentChange(current, previous)),
  };
}

/** Lines present in either period (current period's order first), then adjustments, then the total. */
export function compareSummaries(current: Parts, previous: Parts): ComparisonRow[] {
  const byAlias = (parts: Parts) => {
    const map = new Map<string, { name: string; amount: Big }>();
    for (const line of parts.lines) {
      const prior = map.get(line.alias);
      map.set(line.alias, { name: line.name, amount: (prior?.amount ?? new Big(0)).plus(lineAmount(line)) });
    }
    return map;
  };
  const cur = byAlias(current);
  const prev = byAlias(previous);
  const keys = [...new Set([...cur.keys(), ...prev.keys()])];
  const rows = keys.map((key) =>
    row(key, cur.get(key)?.name ?? prev.get(key)!.name, cur.get(key)?.amount ?? new Big(0), prev.get(key)?.amount ?? new Big(0)),
  );
  const curTotals = summaryTotals(current);
  const prevTotals = summaryTotals(previous);
  rows.push(row("adjustments", "Credits and adjustments", new Big(curTotals.adjustments), new Big(prevTotals.adjustments)));
  rows.push(row("total", "Total", new Big(curTotals.grand_total), new Big(prevTotals.grand_total)));
  return rows;
}
