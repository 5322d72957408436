// The "cost per day" CSV: one row per UTC day, key (record type or tag) and currency, from the
// ledger's rollups; cost exact as a decimal string.
import type { DailySpend } from "@/lib/ledger/read";
import { toCsv } from "@/lib/csv";
import type { SpendGroup } from "./queries";

export function dailySpendCsv(rows: readonly DailySpend[], groupBy: SpendGroup): string {
  const key = groupBy === "tag" ? "tag" : "record_type";
  return toCsv(
    ["date", key, "count", "cost", "currency"] as const,
    rows.map((r) => ({ date: r.date, [key]: r.key ?? (groupBy === "tag" ? "(untagged)" : ""), count: String(r.count), cost: r.cost, currency: r.currency }) as Record<"date" | typeof key | "count" | "cost" | "currency", string>),
  );
}

export const dailySpendFileName = (from: string, to: string, groupBy: SpendGroup) => `cost-per-day-by-${groupBy === "tag" ? "tag" : "type"}-${from}-to-${to}.csv`;
