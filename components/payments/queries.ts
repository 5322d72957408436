// The Payments view's read (GET /api/payments): key from lib/query/keys.ts and the browser's fetcher.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import type { TopUp, TopUpMeta } from "@/lib/billing/topups";
import { queryKeys } from "@/lib/query/keys";

export type PaymentsReply = { data: TopUp[]; meta: TopUpMeta };

export function paymentsOptions(from: string, to: string) {
  return queryOptions({
    queryKey: queryKeys.dashboard.payments(from, to),
    queryFn: ({ signal }) => apiFetch<PaymentsReply>(`/api/payments?${new URLSearchParams({ from, to })}`, { signal }),
  });
}
