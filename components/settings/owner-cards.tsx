"use client";

import dynamic from "next/dynamic";
import { Card } from "@/components/ui/card";
import { LoadingBlock } from "@/components/ui/skeleton";

// The owner's column beside the auto-recharge form (add funds, recent payments, the approval
// policy) loads just after the first screen, so the page's first-load JS stays within #16's
// budget. Nothing sits below it, so its arrival moves nothing; the two lists it shows read their
// data in the browser anyway.
export const OwnerBillingCards = dynamic(() => import("./owner-cards-column").then((m) => m.OwnerCardsColumn), {
  ssr: false,
  loading: () => (
    <div className="grid min-w-0 grid-cols-1 gap-4">
      <Card>
        <LoadingBlock label="adding funds" lines={6} />
      </Card>
      <Card>
        <LoadingBlock label="the recent payments" />
      </Card>
    </div>
  ),
});
