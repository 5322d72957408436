import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AutoRechargeCard } from "@/components/overview/auto-recharge-card";
import { BalanceCard } from "@/components/overview/balance-card";
import { FiringAlertsCard } from "@/components/overview/firing-alerts-card";
import { ChargesTrendCard } from "@/components/overview/charges-trend-card";
import { BalanceHistoryCard, DailySpendCard } from "@/components/overview/history-cards";
import { LatestInvoicesCard } from "@/components/overview/latest-invoices-card";
import { MonthToDateCard } from "@/components/overview/month-to-date-card";
import { PendingApprovalsCard } from "@/components/overview/pending-approvals-card";
import { RunwayCard } from "@/components/overview/runway-card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadMonthlySeries } from "@/lib/charges/monthly-series";
import { db } from "@/lib/db";
import { balanceHistoryOptions, dailySpendOptions } from "@/lib/history/queries";
import { balanceHistoryRange, overviewSpendRange } from "@/lib/history/series";
import { balanceHistory, dailySpend } from "@/lib/ledger/read";
import { LATEST_INVOICES } from "@/lib/invoices/latest";
import { monthOf, monthRange } from "@/lib/charges/months";
import { pageRoles } from "@/lib/navigation";
import { monthlySeriesOptions } from "@/lib/query/dashboard-queries";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser(pageRoles("/"));
  const now = new Date();
  const month = monthOf(now);
  const spend = overviewSpendRange(now.toISOString());
  const history = balanceHistoryRange(now.toISOString(), 30);
  // All reads start together, and the page waits for them at most PAGE_READS_WAIT_MS
  // (lib/query/page-reads.ts); each card shows its own error if its read failed. The ledger's
  // reads (local) are in the first HTML too: the runway and history cards render with the page
  // instead of after it, so nothing large paints late (Largest Contentful Paint, #16). The cards
  // of the first row render without a Suspense boundary when their data is here (QueryBoundary's
  // `ready`), so they are in the first paint; the cards below stream in after it.
  await awaitPageReads([
    prefetchOperation("balance", {}),
    prefetchOperation("chargesSummary", monthRange(month)),
    prefetchOperation("autoRecharge", {}),
    prefetchOperation("invoices", LATEST_INVOICES),
    getServerQueryClient().prefetchQuery({ ...monthlySeriesOptions(12), queryFn: () => loadMonthlySeries(12, now) }),
    getServerQueryClient().prefetchQuery({
      ...dailySpendOptions(spend.from, spend.to),
      queryFn: async () => ({ data: await dailySpend(await db(), spend.from, spend.to, "record_type") }),
    }),
    getServerQueryClient().prefetchQuery({
      ...balanceHistoryOptions(history.from, history.to),
      queryFn: async () => ({ data: await balanceHistory(await db(), history.from, history.to) }),
    }),
  ]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Overview</h1>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {user.role === "owner" ? <PendingApprovalsCard /> : null}
          <BalanceCard />
          <RunwayCard now={now.toISOString()} />
          <MonthToDateCard month={month} />
          <BalanceHistoryCard now={now.toISOString()} isOwner={user.role === "owner"} />
          <DailySpendCard now={now.toISOString()} isOwner={user.role === "owner"} />
          <ChargesTrendCard />
          <AutoRechargeCard canEdit={user.role === "owner"} />
          <LatestInvoicesCard />
          <FiringAlertsCard />
        </div>
      </HydrationBoundary>
    </>
  );
}
