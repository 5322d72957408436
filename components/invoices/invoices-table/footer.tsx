// Under the invoices table: where the page is, and the previous and next pages.
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";

export function InvoicesFooter({ meta, onPage }: { meta: PaginationMeta; onPage: (page: number) => void }) {
  return (
    <nav aria-label="Invoice pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p aria-live="polite" data-testid="invoices-page-status">
        Page {meta.page_number} of {meta.total_pages} · {formatCount(meta.total_results)} invoices
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={meta.page_number <= 1} onClick={() => onPage(meta.page_number - 1)}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={meta.page_number >= meta.total_pages} onClick={() => onPage(meta.page_number + 1)}>
          Next
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
      </div>
    </nav>
  );
}
