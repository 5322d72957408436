import type { Metadata } from "next";
import { CloseView } from "@/components/close/close-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";

export const metadata: Metadata = { title: "Month close" };

export default async function ClosePage() {
  const user = await requirePageUser(pageRoles("/close"));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Month close</h1>
      <p className="mb-4 text-sm text-muted">
        Prove a month&apos;s invoice matches its usage, then hand the accountant one file: the invoice, charges, usage, cost by tag, payments,
        billing audit events, a FOCUS 1.2 export and the reconciliation, with a manifest of checksums. From the dashboard&apos;s ledger.
      </p>
      <CloseView today={new Date().toISOString().slice(0, 10)} canSync={user.role === "owner"} />
    </>
  );
}
