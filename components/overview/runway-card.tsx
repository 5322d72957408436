"use client";

import { useQuery, useSuspenseQueries } from "@tanstack/react-query";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { LoadingBlock } from "@/components/ui/skeleton";
import { daysElapsedInMonth, monthOf, monthRange } from "@/lib/charges/months";
import { computeRunway } from "@/lib/charges/runway";
import { summaryTotals } from "@/lib/charges/totals";
import { formatCount, formatDate } from "@/lib/format";
import { dailySpendOptions } from "@/lib/history/queries";
import { overviewSpendRange, trailingRates } from "@/lib/history/series";
import { operationQuery } from "@/lib/query/operation-query";

/** What the runway cannot be estimated without (it waits for these; the rest refines it). */
const needed = (now: Date) => [operationQuery("balance", {}), operationQuery("chargesSummary", monthRange(monthOf(now)))] as const;

function RunwayFigures({ now }: { now: Date }) {
  const [balance, summary] = useSuspenseQueries({ queries: needed(now) });
  // Auto-recharge only refines the message: if it can't be read, the estimate still stands.
  const autoRecharge = useQuery(operationQuery("autoRecharge", {}));
  // The ledger's daily spend (the same read as the daily usage card): its trailing 7- and 30-day
  // rates replace this month's average once the ledger holds usage.
  const range = overviewSpendRange(now.toISOString());
  const spend = useQuery(dailySpendOptions(range.from, range.to));
  const b = balance.data.data;
  const monthToDate = summaryTotals(summary.data.data.summary).grand_total;
  const trailing = spend.data ? trailingRates(spend.data.data, range.today, b.currency) : null;
  const runway = computeRunway({
    availableCredit: b.available_credit,
    balance: b.balance,
    monthToDate,
    now,
    autoRecharge: autoRecharge.data?.data,
    dailySpend: trailing?.used.perDay,
  });
  const elapsed = daysElapsedInMonth(now);
  if (spend.isPending) return <LoadingBlock label="the runway" />;

  if (runway.kind === "no-spend")
    return <p className="text-sm" data-testid="runway">Not enough spend {trailing ? "in the last 30 days" : "this month"} to estimate how long the credit lasts.</p>;
  const basis = trailing ? (
    <p className="text-xs text-muted" data-testid="runway-basis">
      At the trailing {trailing.used.days}-day average of <Money amount={trailing.used.perDay} currency={b.currency} /> a day, the higher of the last 7 days (
      <Money amount={trailing.rates[0].perDay} currency={b.currency} />) and the last 30 days (<Money amount={trailing.rates[1].perDay} currency={b.currency} />
      ), full UTC days of usage from the ledger.
    </p>
  ) : (
    <p className="text-xs text-muted" data-testid="runway-basis">
      At this month&apos;s average of <Money amount={runway.dailySpend} currency={b.currency} /> a day (<Money amount={monthToDate} currency={b.currency} /> over{" "}
      {elapsed} {elapsed === 1 ? "day" : "days"}): {spend.isError ? "the ledger couldn't be read" : "the ledger holds no usage yet"}.
    </p>
  );
  if (runway.kind === "exhausted")
    return (
      <div className="space-y-2 text-sm" data-testid="runway">
        <p className="text-lg font-semibold text-danger">No available credit left</p>
        {basis}
      </div>
    );
  return (
    <div className="space-y-2 text-sm" data-testid="runway">
      <p>
        <span className="text-3xl font-semibold tabular">{formatCount(runway.daysLeft)}</span> {runway.daysLeft === 1 ? "day" : "days"} of available credit
      </p>
      <p>
        Runs out around <strong>{formatDate(runway.runsOutOn)}</strong>
        {runway.topUp ? " without auto-recharge" : ""}.
      </p>
      {basis}
      {runway.topUp ? (
        <p className="rounded-md border border-success/40 bg-success/10 p-2 text-xs" data-testid="runway-auto-recharge">
          Auto-recharge is on: when the balance falls below <Money amount={runway.topUp.threshold} currency={b.currency} /> (
          {runway.topUp.daysUntil === 0 ? "now" : `around ${formatDate(runway.topUp.on)}`}) it tops up by{" "}
          <Money amount={runway.topUp.amount} currency={b.currency} /> instead of running out.
        </p>
      ) : autoRecharge.isError ? (
        <p className="text-xs text-muted">Auto-recharge settings couldn&apos;t be loaded, so any top-up is not counted.</p>
      ) : null}
    </div>
  );
}

export function RunwayCard({ now }: { now: string }) {
  return (
    <Card aria-labelledby="runway-title" data-testid="runway-card">
      <CardHeader title={<span id="runway-title">Runway</span>} description="How long the available credit lasts at the recent pace" />
      <QueryBoundary label="the runway" ready={needed(new Date(now)).map((q) => q.queryKey)}>
        <RunwayFigures now={new Date(now)} />
      </QueryBoundary>
    </Card>
  );
}
