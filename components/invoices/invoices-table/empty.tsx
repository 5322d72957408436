// No invoices: none at all yet, or none under the filters (with a way to clear them).
import { ListEmptyState } from "@/components/ui/paged-list-state";

export function InvoicesEmpty({ filtered, onClearFilters }: { filtered: boolean; onClearFilters: () => void }) {
  return (
    <ListEmptyState
      filtered={filtered}
      onClearFilters={onClearFilters}
      noData={{ title: "No invoices yet", body: "The first invoice comes after the first billing month." }}
      noResults={{ title: "No invoices match these filters" }}
    />
  );
}
