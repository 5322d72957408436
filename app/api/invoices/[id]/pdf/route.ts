// GET /api/invoices/{id}/pdf — the invoice PDF: from the ledger's archive when it holds it (with
// X-Content-SHA256), else streamed from Telnyx through the server (the browser never sees the
// storage URL) and archived on the way, so the next download no longer needs Telnyx's link.
import { z } from "zod";
import { ALL_ROLES } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { invoiceFileName, openInvoicePdf } from "@/lib/invoices/download";
import { archiveInvoicePdf } from "@/lib/ledger/streams/invoices";
import { archivedInvoicePdf } from "@/lib/ledger/read";
import { log } from "@/lib/log";
import { invoiceIdInput } from "@/lib/telnyx/schemas/invoices";

const pdfHeaders = (fileName: string, size: number | undefined) => ({
  "content-type": "application/pdf",
  "content-disposition": `attachment; filename="${fileName}"`,
  "cache-control": "private, no-store",
  ...(size ? { "content-length": String(size) } : {}),
});

export const GET = apiRoute({ roles: ALL_ROLES, params: invoiceIdInput }, async ({ params }: { params: z.infer<typeof invoiceIdInput> }) => {
  const kysely = await db();
  const archived = await archivedInvoicePdf(kysely, params.id);
  if (archived) {
    const invoice = await kysely.selectFrom("ledger_invoice").select("period_start").where("id", "=", params.id).executeTakeFirst();
    const fileName = invoice ? invoiceFileName(invoice.period_start) : `telnyx-invoice-${params.id}.pdf`;
    return new Response(archived.bytes as Uint8Array<ArrayBuffer>, {
      headers: { ...pdfHeaders(fileName, archived.size), "x-content-sha256": archived.sha256 },
    });
  }
  const file = await openInvoicePdf(params.id);
  const [toClient, toArchive] = file.body.tee();
  // Archived once it has arrived whole; a failed archive never fails the download.
  void new Response(toArchive)
    .arrayBuffer()
    .then((buf) => {
      if (file.size !== undefined && buf.byteLength !== file.size) throw new Error("the file arrived incomplete");
      return archiveInvoicePdf(kysely, params.id, new Uint8Array(buf), Date.now());
    })
    .catch((error) => log.warn("ledger.archive_on_download_failed", { message: (error as Error)?.message }));
  return new Response(toClient, { headers: pdfHeaders(file.fileName, file.size) });
});
