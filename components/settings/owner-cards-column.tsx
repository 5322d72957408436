"use client";

import { AddFundsCard } from "./add-funds-card";
import { ApprovalPolicyCard } from "./approval-policy-card";
import { RecentPaymentsCard } from "./recent-payments-card";

/** The billing settings' second column, for owners (loaded by ./owner-cards.tsx). */
export function OwnerCardsColumn() {
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4">
      <AddFundsCard />
      <RecentPaymentsCard />
      <ApprovalPolicyCard />
    </div>
  );
}
