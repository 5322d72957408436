"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyValue } from "@/components/ui/copy-value";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { EmptyState } from "@/components/ui/states";
import { monthRange, type MonthKey } from "@/lib/charges/months";
import { summaryTotals } from "@/lib/charges/totals";
import { Big } from "@/lib/money";
import { formatMonth } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";

const monthQuery = (month: MonthKey) => operationQuery("chargesSummary", monthRange(month));

function MonthToDate({ month }: { month: MonthKey }) {
  const { data } = useSuspenseQuery(monthQuery(month));
  const s = data.data;
  if (s.summary.lines.length === 0 && s.summary.adjustments.length === 0)
    return <EmptyState title="No charges yet this month">Charges appear once Telnyx rates the first day&apos;s usage.</EmptyState>;
  const t = summaryTotals(s.summary);
  const recurring = new Big(t.new_mrc).plus(t.new_otc).plus(t.existing_mrc).plus(t.existing_otc).toFixed(2);
  return (
    <div className="space-y-3 text-sm">
      <p className="text-3xl font-semibold">
        <CopyValue value={t.grand_total} label="charges this month">
          <Money testId="month-to-date-total" amount={t.grand_total} currency={s.currency} />
        </CopyValue>
      </p>
      <dl className="grid grid-cols-3 gap-2">
        <div>
          <dt className="text-xs text-muted">Numbers</dt>
          <dd className="font-medium">
            <Money amount={recurring} currency={s.currency} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Usage</dt>
          <dd className="font-medium">
            <Money amount={t.other} currency={s.currency} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Credits, adj.</dt>
          <dd className="font-medium">
            <Money amount={t.adjustments} currency={s.currency} />
          </dd>
        </div>
      </dl>
      <p className="text-xs text-muted">
        Usage of the last few hours may not be rated yet.{" "}
        <AppLink href={`/charges?month=${month}`} className="text-accent underline underline-offset-2">
          See the details
        </AppLink>
      </p>
    </div>
  );
}

export function MonthToDateCard({ month }: { month: MonthKey }) {
  return (
    <Card aria-labelledby="mtd-title" data-testid="month-to-date-card">
      <CardHeader title={<span id="mtd-title">Charges this month</span>} description={`${formatMonth(`${month}-01`)}, so far`} />
      <QueryBoundary label="this month's charges" ready={[monthQuery(month).queryKey]}>
        <MonthToDate month={month} />
      </QueryBoundary>
    </Card>
  );
}
