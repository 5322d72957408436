import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AutoRechargeCard } from "@/components/settings/auto-recharge-card";
import { OwnerBillingCards } from "@/components/settings/owner-cards";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Billing settings" };

export default async function BillingSettingsPage() {
  const user = await requirePageUser(pageRoles("/settings/billing"));
  const isOwner = user.role === "owner";
  // This month's spend (for the preview's estimate) is not awaited here: it can be slow upstream
  // and is secondary, so the form renders at once and the estimate fills in from the browser.
  await awaitPageReads([prefetchOperation("autoRecharge", {}), prefetchOperation("balance", {})]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Billing settings</h1>
      <p className="mb-4 text-sm text-muted">
        {isOwner
          ? "Changes here are made at Telnyx right away and recorded with your name in the dashboard's action log."
          : "You can view the billing settings. Only an account owner can change them or add funds."}
      </p>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <AutoRechargeCard canEdit={isOwner} />
          {isOwner ? <OwnerBillingCards /> : null}
        </div>
      </HydrationBoundary>
    </>
  );
}
