// queryOptions of the dashboard's own reads (computed on the server, not one Telnyx operation each):
// key from ./keys.ts and the browser's fetcher, in one place. A server prefetch spreads the same
// options and swaps in a direct queryFn (no HTTP hop), so both write the same cache entry.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
// Types only: these modules are server-side or hold more than the browser needs.
import type { ActionEntry } from "@/lib/action-log";
import { unpackView, type PackedBreakdownView } from "@/lib/charges/breakdown-packed";
import type { BreakdownView } from "@/lib/charges/breakdown-view";
import type { MonthlyChargesSeries } from "@/lib/charges/monthly";
import type { InvoiceSearchResponse, PaidState } from "@/lib/invoices/filters";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import type { HealthReport } from "@/lib/webhooks/health";
import { INVOICES_PAGE_SIZE } from "@/lib/invoices/filters";
import { queryKeys, type ActionLogKeyParams, type BreakdownKeyParams } from "./keys";

/** The query string of a request: empty and undefined values left out. */
function queryString(params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") qs.set(key, String(value));
  return qs.toString();
}

export interface InvoiceSearchParams {
  year: number | null;
  paid: PaidState | null;
  page: number;
}

/** GET /api/invoices/search: the invoices page's filtered, paged list. */
export function invoiceSearchOptions(p: InvoiceSearchParams) {
  const params = { year: p.year, paid: p.paid, page: p.page, size: INVOICES_PAGE_SIZE };
  return queryOptions({
    queryKey: queryKeys.dashboard.invoiceSearch(params),
    queryFn: ({ signal }) => apiFetch<InvoiceSearchResponse>(`/api/invoices/search?${queryString(params)}`, { signal }),
  });
}

/** GET /api/charges/monthly: the last `months` months' charges by kind (the charts). */
export function monthlySeriesOptions(months = 12) {
  return queryOptions({
    queryKey: queryKeys.dashboard.chargesMonthly(months),
    queryFn: ({ signal }) => apiFetch<MonthlyChargesSeries>(`/api/charges/monthly?months=${months}`, { signal }),
  });
}

/** GET /api/charges/breakdown/rows: the breakdown's rows in the page's search and order (the first `limit`, or all). */
export function breakdownRowsOptions(params: BreakdownKeyParams) {
  return queryOptions({
    queryKey: queryKeys.dashboard.chargesBreakdown(params),
    queryFn: async ({ signal }): Promise<{ data: BreakdownView }> => {
      const packed = await apiFetch<{ data: PackedBreakdownView }>(`/api/charges/breakdown/rows?${queryString({ ...params })}`, { signal });
      return { data: unpackView(packed.data) };
    },
  });
}

export type ActionLogPage = { data: ActionEntry[]; meta: PaginationMeta };

/** GET /api/action-log: the dashboard's own log of writes and sign-ins. */
export function actionLogOptions(params: ActionLogKeyParams) {
  return queryOptions({
    queryKey: queryKeys.dashboard.actionLog(params),
    queryFn: ({ signal }) => apiFetch<ActionLogPage>(`/api/action-log?${queryString({ ...params })}`, { signal }),
  });
}

/** GET /api/webhook-deliveries/health: endpoint health over a window. */
export function webhookHealthOptions(window: { from: string; to: string }) {
  return queryOptions({
    queryKey: queryKeys.dashboard.webhookHealth(window),
    queryFn: ({ signal }) => apiFetch<{ data: HealthReport }>(`/api/webhook-deliveries/health?${new URLSearchParams(window)}`, { signal }),
    staleTime: 60_000,
  });
}
