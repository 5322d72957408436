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
  /** The change as a percentage of the previous amount, to one decimal; null when the previous amount was 0. */
  percent: string | null;
}

type Parts = Pick<ChargesSummary["summary"], "lines" | "adjustments">;

function percentChange(current: Big, previous: Big): string | null {
  if (previous.eq(0)) return null;
  return current.minus(previous).div(previous.abs()).times(100).round(1).toFixed(1);
}

function row(key: string, name: string, current: Big, previous: Big): ComparisonRow {
  return {
    key,
    name,
    current: toDecimalString(current),
    previous: toDecimalString(previous),
    change: toDecimalString(current.minus(previous)),
    percent: percentChange(current, previous),
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
