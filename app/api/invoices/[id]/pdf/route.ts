// GET /api/invoices/{id}/pdf — the invoice PDF, streamed through the server (the browser never sees the storage URL).
import { z } from "zod";
import { ALL_ROLES } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/api/handler";
import { openInvoicePdf } from "@/lib/invoices/download";
import { invoiceIdInput } from "@/lib/telnyx/schemas/invoices";

export const GET = apiRoute({ roles: ALL_ROLES, params: invoiceIdInput }, async ({ params }: { params: z.infer<typeof invoiceIdInput> }) => {
  const file = await openInvoicePdf(params.id);
  return new Response(file.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      ...(file.size ? { "content-length": String(file.size) } : {}),
    },
  });
});
