// The columns of the charges-by-number table: sortable headers (aria-sort, first click sorts cost
// from the highest and text from A) and one number's row.
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { chargeTypeLabel } from "@/components/charts/charge-type-label";
import { CopyValue } from "@/components/ui/copy-value";
import { Money } from "@/components/ui/money";
import { TableCell, TableHead, TableRow, TableRowHead } from "@/components/ui/table";
import type { BreakdownRow as Row, BreakdownSort } from "@/lib/charges/breakdown";
import { cn } from "@/lib/utils/cn";

/** Every row is this tall, so the virtualiser places rows without measuring them. */
export const ROW_HEIGHT = 41;

type SortField = "tn" | "charge_type" | "owner" | "cost";
const COLUMNS: { field: SortField | null; label: string; className: string; numeric?: boolean }[] = [
  { field: "tn", label: "Number", className: "w-[11rem]" },
  { field: "charge_type", label: "Charge type", className: "w-[8rem]" },
  { field: "owner", label: "Owner", className: "w-[14rem]" },
  { field: null, label: "Services", className: "" },
  { field: "cost", label: "Cost", className: "w-[8rem]", numeric: true },
];
export const COLUMN_COUNT = COLUMNS.length;

// Rows have a fixed height: no vertical padding in the cells.
const cellClass = "group-data-[density=list]/table:py-0";

function SortHeader({ field, label, className, numeric, sort, onSort }: (typeof COLUMNS)[number] & { sort: BreakdownSort; onSort: (s: BreakdownSort) => void }) {
  if (!field)
    return (
      <TableHead numeric={numeric} className={className}>
        {label}
      </TableHead>
    );
  const active = sort === field || sort === `-${field}`;
  const desc = sort.startsWith("-");
  const Icon = !active ? ArrowUpDown : desc ? ArrowDown : ArrowUp;
  const next = (active ? (desc ? field : `-${field}`) : field === "cost" ? `-${field}` : field) as BreakdownSort;
  return (
    <TableHead numeric={numeric} aria-sort={active ? (desc ? "descending" : "ascending") : "none"} className={cn("group-data-[density=list]/table:px-1 group-data-[density=list]/table:py-1", className)}>
      <button
        type="button"
        onClick={() => onSort(next)}
        className={cn("inline-flex items-center gap-1 rounded px-1 py-1 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent", active && "text-fg")}
      >
        {label}
        <Icon aria-hidden className="h-3.5 w-3.5" />
      </button>
    </TableHead>
  );
}

export function BreakdownHeaderRow({ sort, onSort }: { sort: BreakdownSort; onSort: (s: BreakdownSort) => void }) {
  return (
    <tr aria-rowindex={1}>
      {COLUMNS.map((c) => (
        <SortHeader key={c.label} {...c} sort={sort} onSort={onSort} />
      ))}
    </tr>
  );
}

export function BreakdownRow({ row: r, index, currency }: { row: Row; index: number; currency: string }) {
  return (
    <TableRow aria-rowindex={index + 2} data-tn={r.tn} data-cost={r.cost} style={{ height: ROW_HEIGHT }}>
      <TableRowHead className={cellClass}>
        <CopyValue value={r.tn} label="number" />
      </TableRowHead>
      <TableCell className={cellClass}>{chargeTypeLabel(r.charge_type)}</TableCell>
      <TableCell className={cellClass}>
        <div className="truncate" title={r.owner_email}>
          {r.owner_email}
        </div>
      </TableCell>
      <TableCell className={cellClass}>
        <div className="truncate text-muted" title={r.services}>
          {r.services}
        </div>
      </TableCell>
      <TableCell numeric className={cellClass}>
        <CopyValue value={r.cost} label={`cost of ${r.tn}`} className="justify-end">
          <Money amount={r.cost} currency={currency} />
        </CopyValue>
      </TableCell>
    </TableRow>
  );
}
