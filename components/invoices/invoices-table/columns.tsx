// One invoice's row: selection checkbox, period (with a link to its charges), paid state, id, PDF.
// On a phone the id moves under the period, so the download button stays on screen.
import { AppLink } from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { CopyValue } from "@/components/ui/copy-value";
import { TableCell, TableHead, TableRow, TableRowHead } from "@/components/ui/table";
import { formatDate, formatMonth } from "@/lib/format";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { PaidBadge } from "../paid-badge";
import { InvoicePdfLink } from "../pdf-link";

const checkboxClass = "h-4 w-4 accent-[var(--accent)]";

function InvoiceId({ id }: { id: string }) {
  return (
    <CopyValue value={id} label="invoice ID">
      <code className="text-xs" title={id}>
        {id.slice(0, 8)}…
      </code>
    </CopyValue>
  );
}

export function InvoiceHeaderRow({ allSelected, onSelectAll }: { allSelected: boolean; onSelectAll: (select: boolean) => void }) {
  return (
    <tr>
      <TableHead className="w-10">
        <input type="checkbox" className={checkboxClass} checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} aria-label="Select all invoices on this page" />
      </TableHead>
      <TableHead>Period</TableHead>
      <TableHead>Status</TableHead>
      <TableHead className="hidden sm:table-cell">Invoice ID</TableHead>
      <TableHead align="right">Download</TableHead>
    </tr>
  );
}

export function InvoiceRow({ invoice, archived, selected, onToggle }: { invoice: Invoice; archived: boolean; selected: boolean; onToggle: () => void }) {
  const month = formatMonth(invoice.period_start);
  return (
    <TableRow data-invoice-id={invoice.invoice_id} data-period={invoice.period_start}>
      <TableCell>
        <input type="checkbox" className={checkboxClass} checked={selected} onChange={onToggle} aria-label={`Select the ${month} invoice`} />
      </TableCell>
      <TableRowHead>
        <span className="font-medium">{month}</span>{" "}
        <AppLink
          href={`/charges?month=${invoice.period_start.slice(0, 7)}`}
          className="whitespace-nowrap text-xs text-accent underline-offset-2 hover:underline"
          aria-label={`Charges of ${month}`}
        >
          Charges
        </AppLink>
        <span className="block text-xs text-muted">
          {formatDate(invoice.period_start)} – {formatDate(invoice.period_end)}
        </span>
        <span className="block sm:hidden">
          <InvoiceId id={invoice.invoice_id} />
        </span>
      </TableRowHead>
      <TableCell>
        <PaidBadge paid={invoice.paid} />
        {archived ? (
          <Badge className="ml-1" title="The PDF is kept in the dashboard's ledger">
            Archived
          </Badge>
        ) : null}
      </TableCell>
      <TableCell className="hidden sm:table-cell">
        <InvoiceId id={invoice.invoice_id} />
      </TableCell>
      <TableCell align="right">
        <InvoicePdfLink invoice={invoice} />
      </TableCell>
    </TableRow>
  );
}
