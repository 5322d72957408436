// Table primitives for the dashboard's data tables: semantic table elements with the project's
// spacing and rules, two densities, `data-slot`s for styling hooks. The density is set once on
// <Table> and read by the cells through a CSS group (no context, so server components can use them).
//   list: a full-width list in a bordered panel: padded cells, rows ruled below, small header.
//   card: a table inside a card's own padding: no side padding, compact rows ruled above.
// A cell is `numeric` for figures (right-aligned, tabular digits, never wrapped); a row's first
// cell is a TableRowHead when it names the row (scope="row").
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export type TableDensity = "list" | "card";
type Align = { align?: "left" | "right"; numeric?: boolean };

const alignClass = ({ align, numeric }: Align) => (numeric ? "text-right tabular whitespace-nowrap" : align === "right" ? "text-right" : undefined);

export function Table({ density = "list", className, ...props }: ComponentProps<"table"> & { density?: TableDensity }) {
  return <table data-slot="table" data-density={density} className={cn("group/table w-full text-left text-sm", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption data-slot="table-caption" className={className ?? "sr-only"} {...props} />;
}

/** `sticky`: the header stays at the top of its scroll area, ruled below by a shadow (a border would scroll away). */
export function TableHeader({ sticky = false, className, ...props }: ComponentProps<"thead"> & { sticky?: boolean }) {
  return (
    <thead
      data-slot="table-header"
      className={cn(
        "text-muted group-data-[density=list]/table:border-b group-data-[density=list]/table:border-border group-data-[density=list]/table:text-xs",
        sticky && "sticky top-0 z-10 bg-surface shadow-[0_1px_0_var(--border)]",
        className,
      )}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={className} {...props} />;
}

/** Totals under the body; in a list, ruled above (the body's last row is not ruled below). */
export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot data-slot="table-footer" className={cn("border-border group-data-[density=list]/table:border-t", className)} {...props} />;
}

/** A body row; header rows are plain <tr>s inside TableHeader. `total`: a grand total, ruled twice as thick above, in bold. */
export function TableRow({ total = false, className, ...props }: ComponentProps<"tr"> & { total?: boolean }) {
  return (
    <tr
      data-slot="table-row"
      className={cn(
        "border-border group-data-[density=card]/table:border-t group-data-[density=list]/table:border-b group-data-[density=list]/table:last:border-0",
        total && "font-semibold group-data-[density=card]/table:border-t-2 group-data-[density=list]/table:border-t-2",
        className,
      )}
      {...props}
    />
  );
}

const cellPadding = "group-data-[density=list]/table:px-3 group-data-[density=list]/table:py-2 group-data-[density=card]/table:py-1 group-data-[density=card]/table:pr-3 group-data-[density=card]/table:last:pr-0";

/** A column header (scope="col"). */
export function TableHead({ align, numeric, className, ...props }: ComponentProps<"th"> & Align) {
  return <th data-slot="table-head" scope="col" className={cn(cellPadding, "font-medium", alignClass({ align, numeric }), className)} {...props} />;
}

/** The cell that names its row (scope="row"), in the weight of the cells beside it. */
export function TableRowHead({ align, numeric, className, ...props }: ComponentProps<"th"> & Align) {
  return <th data-slot="table-row-head" scope="row" className={cn(cellPadding, "text-left font-normal", alignClass({ align, numeric }), className)} {...props} />;
}

export function TableCell({ align, numeric, className, ...props }: ComponentProps<"td"> & Align) {
  return <td data-slot="table-cell" className={cn(cellPadding, alignClass({ align, numeric }), className)} {...props} />;
}
