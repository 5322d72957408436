"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { Sparkline } from "@/components/charts/sparkline";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { EmptyState } from "@/components/ui/states";
import { monthlySeriesOptions } from "@/lib/query/dashboard-queries";
import { Big } from "@/lib/money";
import { formatMonth } from "@/lib/format";

function Trend() {
  const { data } = useSuspenseQuery(monthlySeriesOptions(12));
  const points = data.data;
  if (points.every((p) => new Big(p.total).eq(0))) return <EmptyState title="No charges in the last 12 months" />;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const previous = points[points.length - 2];
  const highest = points.reduce((a, b) => (new Big(b.total).gt(a.total) ? b : a));
  return (
    <div className="space-y-2 text-sm">
      <Sparkline
        values={points.map((p) => Number(p.total))}
        label={`Monthly charges from ${formatMonth(first.month + "-01")} to ${formatMonth(last.month + "-01")}; highest in ${formatMonth(highest.month + "-01")}.`}
        className="text-chart-1"
      />
      <div className="flex justify-between text-xs text-muted" aria-hidden="true">
        <span>{formatMonth(first.month + "-01", true)}</span>
        <span>{formatMonth(last.month + "-01", true)}</span>
      </div>
      <dl className="grid grid-cols-2 gap-2">
        {previous ? (
          <div>
            <dt className="text-xs text-muted">{formatMonth(previous.month + "-01")}</dt>
            <dd className="font-medium">
              <Money amount={previous.total} currency={previous.currency} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-xs text-muted">Highest ({formatMonth(highest.month + "-01", true)})</dt>
          <dd className="font-medium">
            <Money amount={highest.total} currency={highest.currency} />
          </dd>
        </div>
      </dl>
      <AppLink href="/charges" className="text-xs text-accent underline underline-offset-2">
        Charges by month
      </AppLink>
    </div>
  );
}

export function ChargesTrendCard() {
  return (
    <Card aria-labelledby="trend-title" data-testid="charges-trend-card">
      <CardHeader title={<span id="trend-title">Charges, last 12 months</span>} />
      <QueryBoundary label="the charges trend">
        <Trend />
      </QueryBoundary>
    </Card>
  );
}
