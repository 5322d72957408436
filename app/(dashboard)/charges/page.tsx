import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ChargesView } from "@/components/charges/charges-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadBreakdownView } from "@/lib/charges/breakdown-read";
import { BREAKDOWN_FIRST_ROWS, type BreakdownFirstScreen } from "@/lib/charges/breakdown-view";
import { loadMonthlySeries } from "@/lib/charges/monthly-series";
import { previousRange } from "@/lib/charges/months";
import { loadChargesSearchParams, selectedPeriod } from "@/lib/charges/period";
import { pageRoles } from "@/lib/navigation";
import { monthlySeriesOptions } from "@/lib/query/dashboard-queries";
import { awaitPageReads } from "@/lib/query/page-reads";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";

export const metadata: Metadata = { title: "Charges" };

export default async function ChargesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(pageRoles("/charges"));
  const now = new Date();
  const params = loadChargesSearchParams(await searchParams);
  const period = selectedPeriod(params, now);
  // The per-number breakdown (up to 10,000 rows) is read from Telnyx from now on, so that it is on
  // its way while the rest renders. Its first screen streams to the browser as a promise (the page
  // does not wait for it): the table shows it as soon as it arrives, without a request of its own
  // after hydration. A failed read resolves to null and the browser's own request shows the error.
  const firstRows =
    period.kind === "invalid" ? null : { ...period.range, q: params.q, sort: params.sort, limit: BREAKDOWN_FIRST_ROWS };
  const firstScreen: Promise<BreakdownFirstScreen | null> | null = firstRows
    ? loadBreakdownView(firstRows).then(
        (value) => ({ params: firstRows, value }),
        () => null,
      )
    : null;
  // The chart and the period's summaries (this one and the one before, for the comparison) are
  // read together, waited for at most PAGE_READS_WAIT_MS (lib/query/page-reads.ts).
  await awaitPageReads([
    getServerQueryClient().prefetchQuery({ ...monthlySeriesOptions(12), queryFn: () => loadMonthlySeries(12, now) }),
    ...(period.kind === "invalid"
      ? []
      : [prefetchOperation("chargesSummary", period.range), prefetchOperation("chargesSummary", previousRange(period.range))]),
  ]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Charges</h1>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <ChargesView now={now.toISOString()} firstScreen={firstScreen} />
      </HydrationBoundary>
    </>
  );
}
