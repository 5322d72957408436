// POST /api/invoices/zip {ids: [...]} | {year: 2025} — the invoices' PDFs in one zip, streamed as it
// is built. x-invoice-count says how many files to expect (the page shows progress against it).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { invoiceZipRequest } from "@/lib/invoices/schemas";
import { invoicesForZip } from "@/lib/invoices/list";
import { openInvoiceZip, zipFileName } from "@/lib/invoices/zip";

export const POST = apiRoute({ roles: ALL_ROLES, body: invoiceZipRequest }, async ({ body }) => {
  const invoices = await invoicesForZip(body);
  const zip = await openInvoiceZip(invoices);
  return new Response(zip, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${zipFileName(invoices, "year" in body ? body.year : undefined)}"`,
      "cache-control": "private, no-store",
      "x-invoice-count": String(invoices.length),
    },
  });
});
