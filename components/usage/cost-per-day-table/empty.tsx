// No usage rollups for the chosen days.
import { EmptyState } from "@/components/ui/states";

export function CostPerDayEmpty() {
  return (
    <EmptyState title="No usage kept for these days">
      The ledger&apos;s usage rollups start with the first sync (90 days back by default, <code>LEDGER_BACKFILL_DAYS</code>).
    </EmptyState>
  );
}
