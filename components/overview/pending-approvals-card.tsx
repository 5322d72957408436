"use client";

// Requests waiting for a second owner, on the overview (owners only); nothing shows when none wait.
import { useQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { pendingApprovalsQuery } from "@/components/approvals/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { describeRequest } from "@/lib/approvals/describe";
import { formatDateTime } from "@/lib/format";

export function PendingApprovalsCard() {
  const { data } = useQuery(pendingApprovalsQuery);
  const pending = data?.data ?? [];
  if (pending.length === 0) return null;
  return (
    <Card aria-labelledby="pending-approvals-title" className="border-accent/50 md:col-span-2 xl:col-span-3" data-testid="pending-approvals">
      <CardHeader
        title={<span id="pending-approvals-title">Waiting for approval ({pending.length})</span>}
        actions={
          <AppLink href="/approvals" className="text-sm text-accent underline">
            Review on Approvals
          </AppLink>
        }
      />
      <ul className="space-y-1 text-sm">
        {pending.slice(0, 5).map((a) => (
          <li key={a.id}>
            {describeRequest(a)}, asked by {a.requested_by.email} <time dateTime={a.requested_at}>{formatDateTime(a.requested_at)}</time>
          </li>
        ))}
      </ul>
    </Card>
  );
}
