// The approvals page's, the overview card's and the policy card's reads; keys from lib/query/keys.ts.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { Approval, ApprovalPolicy } from "@/lib/approvals/describe";
import { apiFetch } from "@/lib/api/fetcher";
import { invalidateActionLog } from "@/lib/query/invalidate";
import { queryKeys } from "@/lib/query/keys";

export const approvalKeys = {
  all: queryKeys.dashboard.family("approvals"),
  pending: queryKeys.dashboard.approvals("pending"),
  list: queryKeys.dashboard.approvals("all"),
  policy: queryKeys.dashboard.approvalPolicy(),
};

export const pendingApprovalsQuery = queryOptions({
  queryKey: approvalKeys.pending,
  queryFn: () => apiFetch<{ data: Approval[] }>("/api/approvals?status=pending"),
  refetchInterval: 30_000,
});

export const approvalsQuery = queryOptions({
  queryKey: approvalKeys.list,
  queryFn: () => apiFetch<{ data: Approval[] }>("/api/approvals"),
  refetchInterval: 30_000,
});

export const approvalPolicyQuery = queryOptions({
  queryKey: approvalKeys.policy,
  queryFn: () => apiFetch<{ data: ApprovalPolicy }>("/api/approvals/policy"),
});

/** After any step of a request: the lists, the policy and the action log. */
export async function invalidateApprovals(client: QueryClient): Promise<void> {
  await Promise.all([client.invalidateQueries({ queryKey: approvalKeys.all }), invalidateActionLog(client)]);
}

/** A write answered 202: it waits for a second owner. */
export type PendingReply = { data: Approval & { approval_id: string } };
export const isPendingReply = (reply: unknown): reply is PendingReply =>
  !!reply && typeof reply === "object" && typeof (reply as { data?: { approval_id?: unknown } }).data?.approval_id === "string";
