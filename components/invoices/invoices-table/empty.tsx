// No invoices: none at all yet, or none under the filters (with a way to clear them).
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

export function InvoicesEmpty({ filtered, onClearFilters }: { filtered: boolean; onClearFilters: () => void }) {
  return filtered ? (
    <EmptyState
      title="No invoices match these filters"
      action={
        <Button variant="secondary" size="sm" onClick={onClearFilters}>
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyState title="No invoices yet">The first invoice comes after the first billing month.</EmptyState>
  );
}
