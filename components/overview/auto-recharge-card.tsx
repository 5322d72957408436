"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { operationQuery } from "@/lib/query/operation-query";

const PREFERENCE_LABEL: Record<string, string> = { credit_paypal: "Card or PayPal", ach: "Bank transfer (ACH)" };

function AutoRecharge({ canEdit }: { canEdit: boolean }) {
  const { data } = useSuspenseQuery(operationQuery("autoRecharge", {}));
  // The amounts are in the account's currency; if the balance can't be read, show the exact figures.
  const currency = useQuery(operationQuery("balance", {})).data?.data.currency;
  const p = data.data;
  const amount = (value: string) => (currency ? <Money amount={value} currency={currency} /> : <span className="tabular">{value}</span>);
  return (
    <div className="space-y-3 text-sm">
      <p data-testid="auto-recharge-state">
        {p.enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}{" "}
        {p.enabled ? (
          <>
            When the balance falls below {amount(p.threshold_amount)}, it is topped up by {amount(p.recharge_amount)}.
          </>
        ) : (
          "The balance is not topped up automatically."
        )}
      </p>
      {p.enabled && p.preference ? <p className="text-xs text-muted">Paid with: {PREFERENCE_LABEL[p.preference] ?? p.preference}</p> : null}
      <AppLink href="/settings/billing" className="text-xs text-accent underline underline-offset-2">
        {canEdit ? "Change auto-recharge" : "See billing settings"}
      </AppLink>
    </div>
  );
}

export function AutoRechargeCard({ canEdit }: { canEdit: boolean }) {
  return (
    <Card aria-labelledby="auto-recharge-title" data-testid="auto-recharge-card">
      <CardHeader title={<span id="auto-recharge-title">Auto-recharge</span>} />
      <QueryBoundary label="the auto-recharge settings">
        <AutoRecharge canEdit={canEdit} />
      </QueryBoundary>
    </Card>
  );
}
