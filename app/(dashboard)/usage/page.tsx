import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { loadUsageSearchParams, usageQuery } from "@/components/usage/search-params";
import { UsageView } from "@/components/usage/usage-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperation, prefetchOperationPages } from "@/lib/query/server";
import { dateRange } from "@/lib/telnyx/schemas/detail-records";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser(pageRoles("/usage"));
  const params = await loadUsageSearchParams(searchParams);
  await Promise.all([
    dateRange.safeParse(params.range).success ? prefetchOperationPages("detailRecords", usageQuery(params)) : null,
    prefetchOperation("userTags", {}),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Usage</h1>
      <p className="mb-4 text-sm text-muted">Search detail records by type, date range and tag; export the whole result as CSV.</p>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <UsageView />
      </HydrationBoundary>
    </>
  );
}
