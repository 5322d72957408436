import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { DeliveriesList } from "@/components/webhooks/deliveries-list";
import { HealthPanel } from "@/components/webhooks/health-panel";
import { KeptDeliveries } from "@/components/webhooks/kept-deliveries";
import { deliveriesQuery, loadWebhookSearchParams } from "@/components/webhooks/search-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser(pageRoles("/webhooks"));
  const params = await loadWebhookSearchParams(searchParams);
  await awaitPageReads([prefetchOperation("webhookDeliveries", deliveriesQuery(params))]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Webhooks</h1>
      <p className="mb-4 text-sm text-muted">Every webhook Telnyx sent to your endpoints, each attempt, and how healthy the endpoints are.</p>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <div className="space-y-8">
          <HealthPanel />
          <DeliveriesList />
          <section aria-labelledby="kept-deliveries-title" className="space-y-2">
            <h2 id="kept-deliveries-title" className="text-lg font-semibold">
              Search the dashboard&apos;s copy
            </h2>
            <KeptDeliveries />
          </section>
        </div>
      </HydrationBoundary>
    </>
  );
}
