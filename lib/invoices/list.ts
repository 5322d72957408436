import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { archivedInvoiceIds } from "@/lib/ledger/read";
import { runOperation } from "@/lib/telnyx/run";
import { INVOICE_PAGE_CAP, type Invoice } from "@/lib/telnyx/schemas/invoices";
import type { z } from "zod";
import { filterInvoices, invoiceYears, pageOf, type InvoiceSearchResponse } from "./filters";
import type { invoiceSearchQuery } from "./schemas";

// A safety stop: 40 pages of 250 is 10,000 invoices, over 800 years of monthly billing.
const MAX_PAGES = 40;

/** Every invoice of the account, through all of Telnyx's pages (each page cached by the operation cache). */
export async function listAllInvoices(): Promise<Invoice[]> {
  const all: Invoice[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await runOperation("invoices", { page, size: INVOICE_PAGE_CAP, sort: "-period_start" });
    all.push(...res.data);
    if (res.data.length === 0 || res.meta.page_number >= res.meta.total_pages) break;
  }
  return all;
}

/** The invoices page's data: filtered by year and paid state, newest first, one page of it. */
export async function searchInvoices(query: z.output<typeof invoiceSearchQuery>): Promise<InvoiceSearchResponse> {
  const all = await listAllInvoices();
  const filtered = filterInvoices(all, query);
  const page = pageOf(filtered, query.page, query.size);
  const archived = await archivedInvoiceIds(await db());
  return { ...page, years: invoiceYears(all), archived: page.data.map((i) => i.invoice_id).filter((id) => archived.has(id)) };
}

/** The invoices a bulk download asks for, newest first; unknown ids are a 404 before anything streams. */
export async function invoicesForZip(request: { ids: string[] } | { year: number }): Promise<Invoice[]> {
  const all = await listAllInvoices();
  if ("year" in request) {
    const invoices = filterInvoices(all, { year: request.year });
    if (invoices.length === 0) throw new ApiError("not_found", `There are no invoices for ${request.year}.`);
    return invoices;
  }
  const byId = new Map(all.map((i) => [i.invoice_id, i]));
  const missing = request.ids.filter((id) => !byId.has(id));
  if (missing.length) throw new ApiError("not_found", `No invoice with id ${missing.join(", ")}.`);
  return filterInvoices(request.ids.map((id) => byId.get(id)!), {});
}
