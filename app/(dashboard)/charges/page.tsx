import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ChargesView } from "@/components/charges/charges-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadMonthlySeries } from "@/lib/charges/monthly-series";
import { previousRange } from "@/lib/charges/months";
import { loadChargesSearchParams, selectedPeriod } from "@/lib/charges/period";
import { pageRoles } from "@/lib/navigation";
import { monthlySeriesOptions } from "@/lib/query/dashboard-queries";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";

export const metadata: Metadata = { title: "Charges" };

export default async function ChargesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(pageRoles("/charges"));
  const now = new Date();
  const period = selectedPeriod(loadChargesSearchParams(await searchParams), now);
  // The chart and the period's summaries (this one and the one before, for the comparison) are
  // read together; the per-number breakdown (up to 10,000 rows) loads in the browser instead of
  // being inlined into the page's HTML.
  await Promise.all([
    getServerQueryClient().prefetchQuery({ ...monthlySeriesOptions(12), queryFn: () => loadMonthlySeries(12, now) }),
    ...(period.kind === "invalid"
      ? []
      : [prefetchOperation("chargesSummary", period.range), prefetchOperation("chargesSummary", previousRange(period.range))]),
  ]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Charges</h1>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <ChargesView now={now.toISOString()} />
      </HydrationBoundary>
    </>
  );
}
