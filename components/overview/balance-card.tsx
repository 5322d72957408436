"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyValue } from "@/components/ui/copy-value";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { operationQuery } from "@/lib/query/operation-query";

function Amount({ amount, currency, label, testId, negativeLabel }: { amount: string; currency: string; label: string; testId?: string; negativeLabel?: string }) {
  return (
    <CopyValue value={amount} label={label}>
      <Money testId={testId} amount={amount} currency={currency} negativeLabel={negativeLabel} />
    </CopyValue>
  );
}

const balanceQuery = operationQuery("balance", {});

function BalanceFigures() {
  const { data } = useSuspenseQuery(balanceQuery);
  const b = data.data;
  // On a credit line the balance is negative and what can be spent is the available credit
  // (balance + credit limit): that figure leads, and the negative balance is labelled as owed.
  const onCreditLine = b.balance.trim().startsWith("-");
  return (
    <div className="space-y-3">
      {onCreditLine ? (
        <p className="rounded-md border border-warning/40 bg-warning/10 p-2 text-xs text-fg">
          <Badge tone="warning" className="mr-1">
            Credit line
          </Badge>
          The balance is negative: the account is spending its credit line. What it can still spend is the available credit.
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div className="col-span-2">
          <dt className="text-muted">{onCreditLine ? "Available to spend (balance + credit limit)" : "Balance"}</dt>
          <dd className="text-3xl font-semibold">
            <Amount testId="balance-amount" amount={onCreditLine ? b.available_credit : b.balance} currency={b.currency} label={onCreditLine ? "available credit" : "balance"} />
          </dd>
        </div>
        {onCreditLine ? (
          <div>
            <dt className="text-muted">Balance (owed)</dt>
            <dd className="font-medium">
              <Amount amount={b.balance} currency={b.currency} label="balance" negativeLabel="owed" />
            </dd>
          </div>
        ) : (
          <div>
            <dt className="text-muted">Available credit</dt>
            <dd className="font-medium">
              <Amount amount={b.available_credit} currency={b.currency} label="available credit" />
            </dd>
          </div>
        )}
        <div>
          <dt className="text-muted">Credit limit</dt>
          <dd className="font-medium">
            <Amount amount={b.credit_limit} currency={b.currency} label="credit limit" />
          </dd>
        </div>
        <div>
          <dt className="text-muted">Pending</dt>
          <dd className="font-medium">
            <Amount amount={b.pending} currency={b.currency} label="pending amount" />
          </dd>
        </div>
      </dl>
    </div>
  );
}

export function BalanceCard() {
  return (
    <Card aria-labelledby="balance-title" data-testid="balance-card">
      <CardHeader title={<span id="balance-title">Balance</span>} />
      <QueryBoundary label="the balance" ready={[balanceQuery.queryKey]}>
        <BalanceFigures />
      </QueryBoundary>
    </Card>
  );
}
