// What the invoice routes accept (GET /api/invoices/search, POST /api/invoices/zip), validated
// with zod on the server; the filters' constants and helpers stay zod-free in ./filters.ts.
import { z } from "zod";
import { pageNumber, uuid, wholeNumberIn } from "@/lib/telnyx/schemas/common";
import { INVOICES_PAGE_SIZE, MAX_ZIP_INVOICES, PAID_STATES } from "./filters";

const year = wholeNumberIn(2000, 2100, { min: "must be 2000 or later", max: "must be 2100 or earlier" });

export const invoiceSearchQuery = z.object({
  year: year.optional(),
  paid: z.enum(PAID_STATES).optional(),
  page: pageNumber,
  size: wholeNumberIn(1, 100).default(INVOICES_PAGE_SIZE),
});
export type InvoiceSearch = z.input<typeof invoiceSearchQuery>;

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
