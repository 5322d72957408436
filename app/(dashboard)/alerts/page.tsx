import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AlertsView } from "@/components/alerts/alerts-view";
import { alertKeys } from "@/components/alerts/queries";
import { ensureBuiltinRules, listEvents, listRules } from "@/lib/alerts/store";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient } from "@/lib/query/server";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const user = await requirePageUser(pageRoles("/alerts"));
  const d = await db();
  await ensureBuiltinRules(d);
  const client = getServerQueryClient();
  await Promise.all([
    client.prefetchQuery({ queryKey: alertKeys.rules, queryFn: async () => ({ data: await listRules(d) }) }),
    client.prefetchQuery({ queryKey: alertKeys.events, queryFn: async () => ({ data: await listEvents(d, { limit: 100 }) }) }),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Alerts</h1>
      <p className="mb-4 text-sm text-muted">Budgets and thresholds on the ledger&apos;s figures, sent by email, webhook or to the server log.</p>
      <HydrationBoundary state={dehydrate(client)}>
        <AlertsView canEdit={user.role === "owner"} />
      </HydrationBoundary>
    </>
  );
}
