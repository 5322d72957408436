// The 12-month series' query: its input schema (the route validates with it), its key and fetcher
// (the client), shared so the server prefetch writes into the same cache entry.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/fetcher";
import type { MonthlyChargesSeries } from "./monthly";

export const MAX_SERIES_MONTHS = 24;
export const monthlySeriesQuery = z.object({
  months: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(MAX_SERIES_MONTHS, `must be at most ${MAX_SERIES_MONTHS}`).default(12),
});

export const monthlySeriesKey = (months: number) => ["dashboard", "chargesMonthly", { months }] as const;

export function monthlySeriesOptions(months = 12) {
  return queryOptions({
    queryKey: monthlySeriesKey(months),
    queryFn: ({ signal }) => apiFetch<MonthlyChargesSeries>(`/api/charges/monthly?months=${months}`, { signal }),
  });
}
