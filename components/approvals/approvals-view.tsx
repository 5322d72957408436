"use client";

// The approvals page: pending requests with approve / reject (with a reason) / cancel, and the
// history with each outcome ("outcome unknown" included).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormField, inputClassName } from "@/components/ui/form-field";
import { PagedListState } from "@/components/ui/paged-list-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeRequest, KIND_LABELS, outcomeDetail, STATE_LABELS, STATE_TONES, type Approval } from "@/lib/approvals/describe";
import { fieldErrors } from "@/lib/api/field-errors";
import { apiFetch } from "@/lib/api/fetcher";
import { formatDateTime } from "@/lib/format";
import { approvalsQuery, invalidateApprovals } from "./queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

const at = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="text-muted">—</span>);

export function StateBadge({ status }: { status: Approval["status"] }) {
  return <Badge tone={STATE_TONES[status]}>{STATE_LABELS[status]}</Badge>;
}

function useApprovalAction(id: string, what: "approve" | "reject" | "cancel") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body?: { reason: string }) =>
      apiFetch<{ data: Approval }>(`/api/approvals/${id}/${what}`, { method: "POST", ...(body ? { body: JSON.stringify(body) } : {}) }),
    onSettled: () => invalidateApprovals(client),
  });
}

function Outcome({ a }: { a: Approval }) {
  const detail = outcomeDetail(a);
  if (a.status === "unknown")
    return <p className="text-sm text-warning">Telnyx did not confirm it: it may or may not have happened. Check the balance and payments before asking again.</p>;
  if (a.status === "rejected" && a.reason) return <p className="text-sm">Reason: {a.reason}</p>;
  if (detail && a.status !== "succeeded") return <p className="text-sm">{detail}</p>;
  return null;
}

function PendingRow({ a, userId }: { a: Approval; userId: string }) {
  const own = a.requested_by.id === userId;
  const approve = useApprovalAction(a.id, "approve");
  const cancel = useApprovalAction(a.id, "cancel");
  const reject = useApprovalAction(a.id, "reject");
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const done = approve.data?.data ?? cancel.data?.data;
  const failure = approve.error ?? cancel.error;
  const rejectErrors = reject.isError ? fieldErrors(reject.error) : null;
  return (
    <li className="rounded-md border border-border p-3" data-testid="pending-approval">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            {KIND_LABELS[a.kind]}: {describeRequest(a)}
          </p>
          <p className="text-sm text-muted">
            Asked by {own ? "you" : a.requested_by.email} {at(a.requested_at)}; expires {at(a.expires_at)}.
          </p>
        </div>
        <div className="flex gap-2">
          {own ? (
            <Button variant="secondary" size="sm" onClick={() => cancel.mutate(undefined)} disabled={cancel.isPending}>
              {cancel.isPending ? "Cancelling…" : "Cancel request"}
            </Button>
          ) : (
            <>
              <Button variant="secondary" size="sm" onClick={() => setRejecting(true)} disabled={approve.isPending}>
                Reject…
              </Button>
              <Button size="sm" onClick={() => approve.mutate(undefined)} disabled={approve.isPending}>
                {approve.isPending ? "Approving…" : "Approve"}
              </Button>
            </>
          )}
        </div>
      </div>
      {own ? <p className="mt-1 text-xs text-muted">Another owner must approve it.</p> : null}
      {done ? (
        <div role="status" className="mt-2 text-sm">
          <StateBadge status={done.status} /> <Outcome a={done} />
        </div>
      ) : null}
      {failure ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {(failure as Error).message}
        </p>
      ) : null}
      <Dialog open={rejecting} onClose={() => setRejecting(false)} busy={reject.isPending} title="Reject this request?" description={describeRequest(a)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate({ reason }, { onSuccess: () => setRejecting(false) });
          }}
        >
          <FormField label="Reason" hint="The requester sees it." error={rejectErrors?.fields.reason}>
            {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} className={`${inputClassName} h-20 py-2`} maxLength={500} />}
          </FormField>
          {rejectErrors?.other ? (
            <p role="alert" className="mt-2 text-sm text-danger">
              {rejectErrors.other}
            </p>
          ) : null}
          <DialogActions>
            <Button variant="secondary" onClick={() => setRejecting(false)} disabled={reject.isPending}>
              Keep it pending
            </Button>
            <Button type="submit" variant="danger" disabled={reject.isPending}>
              {reject.isPending ? "Rejecting…" : "Reject request"}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </li>
  );
}

export function ApprovalsView({ userId }: { userId: string }) {
  const query = useQuery(approvalsQuery);
  const all = query.data?.data ?? [];
  const pending = all.filter((a) => a.status === "pending");
  const past = all.filter((a) => a.status !== "pending");
  return (
    <div className="grid grid-cols-1 gap-4">
      <Card aria-labelledby="pending-title">
        <CardHeader title={<span id="pending-title">Waiting for a second owner</span>} description="Requests expire 24 hours after they are made." />
        <PagedListState
          query={query}
          loadingLabel="approval requests"
          errorTitle="Couldn't load the approval requests"
          isEmpty={pending.length === 0}
          noData={{ title: "Nothing waits for approval" }}
        >
          <ul className="space-y-2">
            {pending.map((a) => (
              <PendingRow key={a.id} a={a} userId={userId} />
            ))}
          </ul>
        </PagedListState>
      </Card>
      <Card aria-labelledby="past-title" className="p-0">
        <div className="p-4 pb-0">
          <CardHeader title={<span id="past-title">History</span>} />
        </div>
        <PagedListState query={query} loadingLabel="past approval requests" errorTitle="Couldn't load the history" isEmpty={past.length === 0} noData={{ title: "No past requests yet" }}>
          <ScrollRegion label="Past approval requests">
            <Table>
              <TableCaption>Past approval requests</TableCaption>
              <TableHeader>
                <tr>
                  <TableHead>Request</TableHead>
                  <TableHead>Asked by</TableHead>
                  <TableHead>Asked</TableHead>
                  <TableHead>Decided by</TableHead>
                  <TableHead>Finished</TableHead>
                  <TableHead>Outcome</TableHead>
                </tr>
              </TableHeader>
              <TableBody>
                {past.map((a) => (
                  <TableRow key={a.id} data-testid="past-approval">
                    <TableCell>
                      <span className="font-medium">{KIND_LABELS[a.kind]}</span>
                      <span className="block text-xs text-muted">{describeRequest(a)}</span>
                    </TableCell>
                    <TableCell>{a.requested_by.email}</TableCell>
                    <TableCell>{at(a.requested_at)}</TableCell>
                    <TableCell>{a.decided_by?.email ?? <span className="text-muted">—</span>}</TableCell>
                    <TableCell>{at(a.finished_at)}</TableCell>
                    <TableCell>
                      <StateBadge status={a.status} />
                      <Outcome a={a} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </PagedListState>
      </Card>
    </div>
  );
}
