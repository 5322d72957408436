import { Download } from "lucide-react";
import { DownloadLink } from "@/components/ui/link-button";
import { formatMonth } from "@/lib/format";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";

/** Downloads an invoice's PDF through the dashboard (/api/invoices/{id}/pdf streams it with its file name). */
export function InvoicePdfLink({ invoice, compact = false }: { invoice: Invoice; compact?: boolean }) {
  return (
    <DownloadLink
      href={`/api/invoices/${invoice.invoice_id}/pdf`}
      aria-label={`Download the PDF of the ${formatMonth(invoice.period_start)} invoice`}
      variant={compact ? "ghost" : "secondary"}
    >
      <Download aria-hidden className="h-4 w-4" />
      PDF
    </DownloadLink>
  );
}
