// The 12-month series' query: its input schema (the route validates with it), its key and fetcher
// (the client), shared so the server prefetch writes into the same cache entry.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/fetcher";
import { wholeNumberIn } from "@/lib/telnyx/schemas/common";
import type { MonthlyChargesSeries } from "./monthly";

export const MAX_SERIES_MONTHS = 24;
export const monthlySeriesQuery = z.object({
  months: wholeNumberIn(1, MAX_SERIES_MONTHS).default(12),
});

export const monthlySeriesKey = (months: number) => ["dashboard", "chargesMonthly", { months }] as const;

export function monthlySeriesOptions(months = 12) {
  return queryOptions({
    queryKey: monthlySeriesKey(months),
    queryFn: ({ signal }) => apiFetch<MonthlyChargesSeries>(`/api/charges/monthly?months=${months}`, { signal }),
  });
}
