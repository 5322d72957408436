// One page of invoices, each selectable for the bulk download (the selection is the view's: it
// survives paging and filtering).
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableHeader } from "@/components/ui/table";
import type { InvoiceSearchResponse } from "@/lib/invoices/filters";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { InvoiceHeaderRow, InvoiceRow } from "./columns";

export function InvoicesTable({
  result,
  selected,
  onToggle,
  onTogglePage,
}: {
  result: InvoiceSearchResponse;
  selected: ReadonlySet<string>;
  onToggle: (invoice: Invoice) => void;
  onTogglePage: (invoices: Invoice[], select: boolean) => void;
}) {
  const all = result.data.length > 0 && result.data.every((i) => selected.has(i.invoice_id));
  return (
    <ScrollRegion label="Invoices table (scrolls sideways)">
      <Table aria-label="Invoices" data-testid="invoices-table">
        <TableHeader>
          <InvoiceHeaderRow allSelected={all} onSelectAll={(select) => onTogglePage(result.data, select)} />
        </TableHeader>
        <TableBody>
          {result.data.map((invoice) => (
            <InvoiceRow
              key={invoice.invoice_id}
              invoice={invoice}
              archived={result.archived?.includes(invoice.invoice_id) ?? false}
              selected={selected.has(invoice.invoice_id)}
              onToggle={() => onToggle(invoice)}
            />
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
