// Filters and paging of the invoices page, shared by the URL (nuqs parsers), the server page, the
// search route's validation and the client's query. Telnyx's /invoices has no filters, so the
// server pages through all invoices and filters them itself (lib/invoices/list.ts).
import { createLoader, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import { pageNumber, uuid, wholeNumberIn } from "@/lib/telnyx/schemas/common";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";

export const PAID_STATES = ["paid", "unpaid"] as const;
export type PaidState = (typeof PAID_STATES)[number];
export const INVOICES_PAGE_SIZE = 20;
export const MAX_ZIP_INVOICES = 100;

const year = wholeNumberIn(2000, 2100, { min: "must be 2000 or later", max: "must be 2100 or earlier" });

export const invoiceSearchQuery = z.object({
  year: year.optional(),
  paid: z.enum(PAID_STATES).optional(),
  page: pageNumber,
  size: wholeNumberIn(1, 100).default(INVOICES_PAGE_SIZE),
});
export type InvoiceSearch = z.input<typeof invoiceSearchQuery>;

export interface InvoiceSearchResponse {
  data: Invoice[];
  meta: PaginationMeta;
  /** The years that have invoices, newest first (for the year filter). */
  years: number[];
}

/** What the bulk download takes: up to 100 invoice ids, or a whole year. */
export const invoiceZipRequest = z.union([
  z.strictObject({
    ids: z
      .array(uuid)
      .min(1, "select at least one invoice")
      .max(MAX_ZIP_INVOICES, `select at most ${MAX_ZIP_INVOICES} invoices`)
      .refine((ids) => new Set(ids).size === ids.length, "must not repeat an invoice"),
  }),
  z.strictObject({ year }),
]);
export type InvoiceZipRequest = z.infer<typeof invoiceZipRequest>;

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

/** The overview's "latest invoices": one upstream page, newest first. */
export const LATEST_INVOICES = { page: 1, size: 5, sort: "-period_start" } as const;
