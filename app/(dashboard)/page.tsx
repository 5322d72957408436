import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { BalanceCard } from "@/components/overview/balance-card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePageUser(pageRoles("/"));
  await Promise.all([prefetchOperation("balance", {})]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Overview</h1>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          <BalanceCard />
        </div>
      </HydrationBoundary>
    </>
  );
}
