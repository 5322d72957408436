"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { operationQuery } from "@/lib/query/operation-query";

function BalanceFigures() {
  const { data } = useSuspenseQuery(operationQuery("balance", {}));
  const b = data.data;
  const onCreditLine = b.balance.startsWith("-");
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm">
      <div className="col-span-2">
        <dt className="text-muted">{onCreditLine ? "Available to spend (balance + credit limit)" : "Balance"}</dt>
        <dd className="text-3xl font-semibold">
          <Money testId="balance-amount" amount={onCreditLine ? b.available_credit : b.balance} currency={b.currency} />
        </dd>
      </div>
      {onCreditLine ? (
        <div>
          <dt className="text-muted">Balance</dt>
          <dd className="font-medium text-danger">
            <Money amount={b.balance} currency={b.currency} className="text-danger" />
          </dd>
        </div>
      ) : (
        <div>
          <dt className="text-muted">Available credit</dt>
          <dd className="font-medium">
            <Money amount={b.available_credit} currency={b.currency} />
          </dd>
        </div>
      )}
      <div>
        <dt className="text-muted">Credit limit</dt>
        <dd className="font-medium">
          <Money amount={b.credit_limit} currency={b.currency} />
        </dd>
      </div>
      <div>
        <dt className="text-muted">Pending</dt>
        <dd className="font-medium">
          <Money amount={b.pending} currency={b.currency} />
        </dd>
      </div>
    </dl>
  );
}

export function BalanceCard() {
  return (
    <Card aria-labelledby="balance-title">
      <CardHeader title={<span id="balance-title">Balance</span>} />
      <QueryBoundary label="the balance">
        <BalanceFigures />
      </QueryBoundary>
    </Card>
  );
}
