// The month-close page's reads: keys from lib/query/keys.ts, the browser's fetcher.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import type { CostByTag } from "@/lib/close/cost-by-tag";
import type { Reconciliation } from "@/lib/close/reconcile";
import type { ClosedMonth } from "@/lib/close/service";
import { queryKeys } from "@/lib/query/keys";

export function reconciliationOptions(month: string) {
  return queryOptions({
    queryKey: queryKeys.dashboard.reconciliation(month),
    queryFn: ({ signal }) => apiFetch<{ data: Reconciliation }>(`/api/reconciliation?${new URLSearchParams({ month })}`, { signal }),
  });
}

export function monthClosesOptions() {
  return queryOptions({
    queryKey: queryKeys.dashboard.monthCloses(),
    queryFn: ({ signal }) => apiFetch<{ data: ClosedMonth[] }>("/api/month-close", { signal }),
  });
}

export function costByTagOptions(from: string, to: string) {
  return queryOptions({
    queryKey: queryKeys.dashboard.costByTag(from, to),
    queryFn: ({ signal }) => apiFetch<CostByTag>(`/api/costs/by-tag?${new URLSearchParams({ from, to })}`, { signal }),
  });
}
