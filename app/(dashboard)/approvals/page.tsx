import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ApprovalsView } from "@/components/approvals/approvals-view";
import { approvalsQuery } from "@/components/approvals/queries";
import { approvalsList } from "@/lib/approvals/service";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient } from "@/lib/query/server";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const user = await requirePageUser(pageRoles("/approvals"));
  const client = getServerQueryClient();
  await client.prefetchQuery({ queryKey: approvalsQuery.queryKey, queryFn: async () => ({ data: await approvalsList(undefined) }) });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Approvals</h1>
      <p className="mb-4 text-sm text-muted">
        Under the approval policy (Billing settings), payments above a limit and auto-recharge changes need a second owner. Every step is in the action log.
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <ApprovalsView userId={user.id} />
      </HydrationBoundary>
    </>
  );
}
