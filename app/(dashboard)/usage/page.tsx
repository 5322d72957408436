import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { loadUsagePageParams, usageQuery } from "@/components/usage/search-params";
import { UsageTabs } from "@/components/usage/usage-tabs";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperation, prefetchOperationPages } from "@/lib/query/server";
import { dateRange } from "@/lib/telnyx/schemas/detail-records";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser(pageRoles("/usage"));
  const params = await loadUsagePageParams(searchParams);
  await awaitPageReads([
    params.view === "records" && dateRange.safeParse(params.range).success ? prefetchOperationPages("detailRecords", usageQuery(params)) : null,
    prefetchOperation("userTags", {}),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Usage</h1>
      <p className="mb-4 text-sm text-muted">Search detail records by type, date range and tag, or see the cost per day for any range the ledger keeps; export either as CSV.</p>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <UsageTabs today={new Date().toISOString().slice(0, 10)} />
      </HydrationBoundary>
    </>
  );
}
