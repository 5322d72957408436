// The ledger history's queries for the browser: keys and fetchers of /api/history/balance and
// /api/history/daily-spend (UTC days, from inclusive, to exclusive).
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import type { BalancePoint, DailySpend } from "@/lib/ledger/read";

export type SpendGroup = "record_type" | "tag";

export const historyKeys = {
  balance: (from: string, to: string) => ["dashboard", "history", "balance", { from, to }] as const,
  dailySpend: (from: string, to: string, groupBy: SpendGroup) => ["dashboard", "history", "dailySpend", { from, to, groupBy }] as const,
};

export function balanceHistoryOptions(from: string, to: string) {
  return queryOptions({
    queryKey: historyKeys.balance(from, to),
    queryFn: ({ signal }) => apiFetch<{ data: BalancePoint[] }>(`/api/history/balance?${new URLSearchParams({ from, to })}`, { signal }),
  });
}

export function dailySpendOptions(from: string, to: string, groupBy: SpendGroup = "record_type") {
  return queryOptions({
    queryKey: historyKeys.dailySpend(from, to, groupBy),
    queryFn: ({ signal }) => apiFetch<{ data: DailySpend[] }>(`/api/history/daily-spend?${new URLSearchParams({ from, to, group_by: groupBy })}`, { signal }),
  });
}
