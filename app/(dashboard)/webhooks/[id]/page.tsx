import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { BackToList } from "@/components/webhooks/back-to-list";
import { DeliveryDetail } from "@/components/webhooks/delivery-detail";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient, prefetchOperation } from "@/lib/query/server";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Webhook delivery" };

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser(pageRoles("/webhooks"));
  const { id } = await params;
  await awaitPageReads([prefetchOperation("webhookDelivery", { id })]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <BackToList />
      </nav>
      <h1 className="mb-3 text-2xl font-semibold">Webhook delivery</h1>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <DeliveryDetail id={id} />
      </HydrationBoundary>
    </>
  );
}
