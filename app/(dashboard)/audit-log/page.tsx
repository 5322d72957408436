import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { AuditLogView } from "@/components/audit-log/audit-log-view";
import { auditQuery, loadAuditSearchParams } from "@/components/audit-log/search-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperationPages } from "@/lib/query/server";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser(pageRoles("/audit-log"));
  const params = await loadAuditSearchParams(searchParams);
  await awaitPageReads([params.tab === "events" && prefetchOperationPages("auditEvents", auditQuery(params))]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Audit log</h1>
      <p className="mb-4 text-sm text-muted">Who changed what on the Telnyx account, and what the dashboard&apos;s users did.</p>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <AuditLogView />
      </HydrationBoundary>
    </>
  );
}
