// The ledger history's queries for the browser: keys and fetchers of /api/history/balance and
// /api/history/daily-spend (UTC days, from inclusive, to exclusive).
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import { queryKeys } from "@/lib/query/keys";
import type { BalancePoint, DailySpend } from "@/lib/ledger/read";

export type SpendGroup = "record_type" | "tag";

export const historyKeys = {
  balance: queryKeys.dashboard.balanceHistory,
  dailySpend: queryKeys.dashboard.dailySpend,
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

export type KeptStream = "audit-events" | "webhook-deliveries";
export interface KeptSearch {
  q: string;
  from: string;
  to: string;
  page: number;
}
export interface KeptPage<T> {
  data: T[];
  meta: { page_number: number; page_size: number; total_pages: number; total_results: number; source: "ledger"; last_sync_at: string | null };
}

export const keptKeys = { search: queryKeys.dashboard.keptSearch };

/** GET /api/ledger/{stream}: free text over the dashboard's kept copy (owners), newest first. */
export function keptSearchOptions<T>(stream: KeptStream, s: KeptSearch, size = 50) {
  const params = new URLSearchParams({ page: String(s.page), size: String(size) });
  if (s.q) params.set("q", s.q);
  if (s.from) params.set("from", s.from);
  if (s.to) params.set("to", s.to);
  return queryOptions({
    queryKey: keptKeys.search(stream, s),
    queryFn: ({ signal }) => apiFetch<KeptPage<T>>(`/api/ledger/${stream}?${params}`, { signal }),
  });
}
