import type { Metadata } from "next";
import { PaymentsView } from "@/components/payments/payments-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage() {
  await requirePageUser(pageRoles("/payments"));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Payments</h1>
      <p className="mb-4 text-sm text-muted">
        Every top-up of the balance: payments made in the dashboard (with who made them), auto-recharges, and payments made in the Telnyx
        portal, as Telnyx&apos;s audit log shows them. Read-only.
      </p>
      <PaymentsView today={new Date().toISOString().slice(0, 10)} />
    </>
  );
}
