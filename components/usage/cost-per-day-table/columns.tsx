// The cost per day's columns: the day, one per record type or user tag (most expensive first),
// then the row's total in bold.
import { Money } from "@/components/ui/money";
import { TableCell, TableHead, TableRowHead } from "@/components/ui/table";
import type { SpendGroup } from "@/lib/history/queries";
import { recordTypeLabel } from "@/lib/usage/records";

export type SpendKey = string | null;

function keyLabel(key: SpendKey, group: SpendGroup) {
  if (key === null) return group === "tag" ? "Untagged" : "Unknown";
  return group === "record_type" ? recordTypeLabel(key) : key;
}

const columnKey = (key: SpendKey) => `key:${String(key)}`;

export function CostHeaderRow({ keys, group }: { keys: readonly SpendKey[]; group: SpendGroup }) {
  return (
    <tr>
      <TableHead>Day (UTC)</TableHead>
      {keys.map((k) => (
        <TableHead key={columnKey(k)} align="right">
          {keyLabel(k, group)}
        </TableHead>
      ))}
      <TableHead align="right">Total</TableHead>
    </tr>
  );
}

/** A row's name (a day, or "Total"), one cell per key, then the row's total (bold). */
export function CostCells({ name, keys, costs, total, currency, bold }: { name: string; keys: readonly SpendKey[]; costs: readonly string[]; total: string; currency: string; bold?: boolean }) {
  return (
    <>
      <TableRowHead className={bold ? "font-bold" : "whitespace-nowrap"}>{name}</TableRowHead>
      {costs.map((c, i) => (
        <TableCell key={columnKey(keys[i] ?? null)} numeric>
          <Money amount={c} currency={currency} />
        </TableCell>
      ))}
      <TableCell numeric className="font-medium">
        <Money amount={total} currency={currency} />
      </TableCell>
    </>
  );
}
