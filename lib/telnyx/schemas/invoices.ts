import { z } from "zod";
import { isoDate, listResponse, pageNumber, pageSize, uuid } from "./common";

import { INVOICE_PAGE_CAP } from "@/lib/telnyx/contract";

export { INVOICE_PAGE_CAP };

export const invoice = z.object({
  invoice_id: uuid,
  file_id: uuid.optional(),
  period_start: isoDate,
  period_end: isoDate,
  paid: z.boolean(),
  url: z.url().optional(),
});
export type Invoice = z.infer<typeof invoice>;

export const invoiceListQuery = z.object({
  page: pageNumber,
  size: pageSize(INVOICE_PAGE_CAP),
  sort: z.enum(["period_start", "-period_start"]).default("-period_start"),
});
export const invoiceListResponse = listResponse(invoice);

export const invoiceIdInput = z.object({ id: uuid });
export const invoiceDetail = invoice.extend({ download_url: z.url().optional() });
export const invoiceDetailResponse = z.object({ data: invoiceDetail });
/** GET /invoices/{id}?action=link must come back with a link to fetch. */
export const invoiceLinkResponse = z.object({ data: invoice.extend({ download_url: z.url() }) });
