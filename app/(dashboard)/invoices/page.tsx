import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { InvoicesView } from "@/components/invoices/invoices-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadInvoiceSearchParams } from "@/lib/invoices/filters";
import { searchInvoices } from "@/lib/invoices/list";
import { invoiceSearchQuery } from "@/lib/invoices/schemas";
import { pageRoles } from "@/lib/navigation";
import { invoiceSearchOptions } from "@/lib/query/dashboard-queries";
import { getServerQueryClient } from "@/lib/query/server";
import { awaitPageReads } from "@/lib/query/page-reads";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(pageRoles("/invoices"));
  const params = loadInvoiceSearchParams(await searchParams);
  const parsed = invoiceSearchQuery.safeParse({ year: params.year ?? undefined, paid: params.paid ?? undefined, page: params.page });
  // Out-of-range URL values aren't prefetched: the browser's request gets the 422 and shows it.
  await awaitPageReads([
    parsed.success && getServerQueryClient().prefetchQuery({ ...invoiceSearchOptions(params), queryFn: () => searchInvoices(parsed.data) }),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Invoices</h1>
      <p className="mb-4 text-sm text-muted">Monthly invoices, newest first. PDFs are fetched from Telnyx when you download them.</p>
      <HydrationBoundary state={dehydrate(getServerQueryClient())}>
        <InvoicesView />
      </HydrationBoundary>
    </>
  );
}
