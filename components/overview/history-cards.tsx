"use client";

// The overview's ledger cards: balance history (30/90 days, snapshots and reconstructed points) and
// daily usage cost. Read in the browser after the first paint (the charts are lazy and fixed size);
// each card has its own loading, empty and error states.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { useState } from "react";
import { LazyBalanceHistoryChart, LazyDailySpendChart } from "@/components/charts/lazy";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { EmptyState } from "@/components/ui/states";
import { TabNav, tabPanelProps } from "@/components/ui/tab-nav";
import { balanceHistoryOptions, dailySpendOptions } from "@/lib/history/queries";
import { addUtcDays, balanceChartRows, balanceHistoryRange, dailyTotals, overviewSpendRange } from "@/lib/history/series";
import { Big } from "@/lib/money";

function NoHistory({ isOwner }: { isOwner: boolean }) {
  return (
    <EmptyState
      title="No history yet"
      action={
        isOwner ? (
          <AppLink href="/settings/sync" className="text-sm text-accent underline underline-offset-2">
            See the sync status
          </AppLink>
        ) : undefined
      }
    >
      The first sync runs shortly after the dashboard starts (then the balance is recorded every 5 minutes); history appears here once it has run.
    </EmptyState>
  );
}

/** The range the overview's daily spend and the runway share: the 30 days before today, and today. */
const PERIODS = [
  { id: "30", label: "30 days" },
  { id: "90", label: "90 days" },
] as const;
type Period = (typeof PERIODS)[number]["id"];

export function BalanceHistoryCard({ now, isOwner }: { now: string; isOwner: boolean }) {
  const [period, setPeriod] = useState<Period>("30");
  const { from, to } = balanceHistoryRange(now, Number(period));
  const query = useQuery({ ...balanceHistoryOptions(from, to), placeholderData: keepPreviousData });
  return (
    <Card aria-labelledby="balance-history-title" data-testid="balance-history-card" className="md:col-span-2">
      <CardHeader title={<span id="balance-history-title">Balance history</span>} description="From the dashboard's ledger (UTC days)" />
      <TabNav tabs={[...PERIODS]} selected={period} onSelect={setPeriod} label="Balance history period" idPrefix="balance-history" />
      <div {...tabPanelProps("balance-history", period)}>
        <QueryResult query={query} label="the balance history">
          {({ data }) => {
            const rows = balanceChartRows(data);
            if (rows.length === 0) return <NoHistory isOwner={isOwner} />;
            const latest = data.at(-1)!;
            const reconstructed = rows.filter((r) => r.source === "reconstructed");
            return (
              <div className="space-y-2">
                <LazyBalanceHistoryChart rows={rows} currency={latest.currency} />
                <p className="text-xs text-muted" data-testid="balance-history-note">
                  {reconstructed.length > 0
                    ? `The dashed line (${reconstructed.length} ${reconstructed.length === 1 ? "day" : "days"}) is reconstructed: before the first snapshot, each day's balance is worked back from that day's usage and top-ups.`
                    : "Every point is a recorded snapshot."}{" "}
                  Top-ups show as steps up.
                </p>
              </div>
            );
          }}
        </QueryResult>
      </div>
    </Card>
  );
}

export function DailySpendCard({ now, isOwner, currency }: { now: string; isOwner: boolean; currency?: string }) {
  const { today, from, to } = overviewSpendRange(now);
  const query = useQuery(dailySpendOptions(from, to));
  return (
    <Card aria-labelledby="daily-spend-title" data-testid="daily-spend-card">
      <CardHeader
        title={<span id="daily-spend-title">Daily usage cost</span>}
        description={
          <>
            Last 30 days and today (UTC), from the ledger&apos;s rollups.{" "}
            <AppLink href="/usage?view=daily" className="text-accent underline underline-offset-2">
              Cost per day
            </AppLink>
          </>
        }
      />
      <QueryResult query={query} label="the daily usage cost">
        {({ data }) => {
          if (data.length === 0) return <NoHistory isOwner={isOwner} />;
          const cur = currency ?? data.at(-1)!.currency;
          const days = dailyTotals(data, addUtcDays(today, -29), to, cur);
          const total = days.reduce((a, d) => a.plus(d.cost), new Big(0)).toFixed();
          return (
            <div className="space-y-2">
              <LazyDailySpendChart days={days} currency={cur} />
              <p className="text-xs text-muted">
                <Money amount={total} currency={cur} /> over these {days.length} days.
              </p>
            </div>
          );
        }}
      </QueryResult>
    </Card>
  );
}
