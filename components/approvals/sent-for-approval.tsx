// What a write answered 202 shows: it waits for a second owner; nothing was done yet.
import { AppLink } from "@/components/ui/app-link";
import { describeRequest, type Approval } from "@/lib/approvals/describe";
import { formatDateTime } from "@/lib/format";

export function SentForApproval({ approval }: { approval: Approval }) {
  return (
    <div role="status" className="rounded-md border border-accent/40 bg-accent/5 p-3 text-sm" data-testid="sent-for-approval">
      <p className="font-semibold">Sent for approval: nothing is done yet.</p>
      <p className="mt-1">
        The approval policy needs a second owner for {describeRequest(approval)}. Another owner can approve it until{" "}
        <time dateTime={approval.expires_at}>{formatDateTime(approval.expires_at)}</time>; you can follow it or cancel it on the{" "}
        <AppLink href="/approvals" className="text-accent underline">
          Approvals
        </AppLink>{" "}
        page.
      </p>
    </div>
  );
}
