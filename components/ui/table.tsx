// Table primitives for the dashboard's data tables: semantic table elements with the project's
// spacing and rules, two densities, `data-slot`s for styling hooks. The density is set once on
// <Table> and read by the cells through a CSS group (no context, so server components can use them).
//   list: a full-width list in a bordered panel: padded cells, rows ruled below, small header.
//   card: a table inside a card's own padding: no side padding, compact rows ruled above.
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export type TableDensity = "list" | "card";
type Align = { align?: "left" | "right" };

const alignClass = (align: Align["align"]) => (align === "right" ? "text-right" : undefined);

export function Table({ density = "list", className, ...props }: ComponentProps<"table"> & { density?: TableDensity }) {
  return <table data-slot="table" data-density={density} className={cn("group/table w-full text-left text-sm", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption data-slot="table-caption" className={className ?? "sr-only"} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead
      data-slot="table-header"
      className={cn("text-muted group-data-[density=list]/table:border-b group-data-[density=list]/table:border-border group-data-[density=list]/table:text-xs", className)}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={className} {...props} />;
}

/** A body row; header rows are plain <tr>s inside TableHeader. */
export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn("border-border group-data-[density=card]/table:border-t group-data-[density=list]/table:border-b group-data-[density=list]/table:last:border-0", className)}
      {...props}
    />
  );
}

const cellPadding = "group-data-[density=list]/table:px-3 group-data-[density=list]/table:py-2 group-data-[density=card]/table:py-1 group-data-[density=card]/table:pr-3 group-data-[density=card]/table:last:pr-0";

/** A column header (scope="col"). */
export function TableHead({ align, className, ...props }: ComponentProps<"th"> & Align) {
  return <th data-slot="table-head" scope="col" className={cn(cellPadding, "font-medium", alignClass(align), className)} {...props} />;
}

export function TableCell({ align, className, ...props }: ComponentProps<"td"> & Align) {
  return <td data-slot="table-cell" className={cn(cellPadding, alignClass(align), className)} {...props} />;
}
