// The invoices page's query: key and fetcher in one place, for the client and the server prefetch.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import { INVOICES_PAGE_SIZE, type InvoiceSearchResponse, type PaidState } from "./filters";

export interface InvoiceSearchParams {
  year: number | null;
  paid: PaidState | null;
  page: number;
}

export const invoiceSearchKey = (p: InvoiceSearchParams) => ["dashboard", "invoiceSearch", { year: p.year, paid: p.paid, page: p.page, size: INVOICES_PAGE_SIZE }] as const;

export function invoiceSearchUrl(p: InvoiceSearchParams): string {
  const qs = new URLSearchParams({ page: String(p.page), size: String(INVOICES_PAGE_SIZE) });
  if (p.year) qs.set("year", String(p.year));
  if (p.paid) qs.set("paid", p.paid);
  return `/api/invoices/search?${qs}`;
}

export function invoiceSearchOptions(p: InvoiceSearchParams) {
  return queryOptions({
    queryKey: invoiceSearchKey(p),
    queryFn: ({ signal }) => apiFetch<InvoiceSearchResponse>(invoiceSearchUrl(p), { signal }),
  });
}
