// Filters and paging of the invoices page, shared by the URL (nuqs parsers), the server page and
// the client's query; no zod here (the routes' schemas are in ./schemas.ts), so the pages that
// only read invoices don't load it. Telnyx's /invoices has no filters, so the server pages
// through all invoices and filters them itself (lib/invoices/list.ts).
import { createLoader, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";

export const PAID_STATES = ["paid", "unpaid"] as const;
export type PaidState = (typeof PAID_STATES)[number];
export const INVOICES_PAGE_SIZE = 20;
export const MAX_ZIP_INVOICES = 100;

export interface InvoiceSearchResponse {
  data: Invoice[];
  meta: PaginationMeta;
  /** The years that have invoices, newest first (for the year filter). */
  years: number[];
  /** Ids on this page whose PDF the ledger has archived (downloadable after Telnyx's link expires). */
  archived?: string[];
}

/** The URL state of the invoices page: ?year=2025&paid=unpaid&page=2. */
export const invoiceSearchParams = {
  year: parseAsInteger,
  paid: parseAsStringLiteral(PAID_STATES),
  page: parseAsInteger.withDefault(1),
};
export const loadInvoiceSearchParams = createLoader(invoiceSearchParams);

/** Newest first; then the filters. */
export function filterInvoices(all: readonly Invoice[], filters: { year?: number | null; paid?: PaidState | null }): Invoice[] {
  return [...all]
    .sort((a, b) => b.period_start.localeCompare(a.period_start))
    .filter((i) => (filters.year ? i.period_start.startsWith(`${filters.year}-`) : true))
    .filter((i) => (filters.paid ? i.paid === (filters.paid === "paid") : true));
}

export function invoiceYears(all: readonly Invoice[]): number[] {
  return [...new Set(all.map((i) => Number(i.period_start.slice(0, 4))))].sort((a, b) => b - a);
}

/** One page of already filtered invoices, with Telnyx-style paging meta. */
export function pageOf(items: readonly Invoice[], page: number, size: number): { data: Invoice[]; meta: PaginationMeta } {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return {
    data: items.slice((page - 1) * size, page * size),
    meta: { page_number: page, page_size: size, total_pages: totalPages, total_results: items.length },
  };
}
