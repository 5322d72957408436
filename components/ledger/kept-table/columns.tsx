// The columns of a kept list are the caller's (audit events and webhook deliveries show different
// fields): a header and how an item shows in it.
import type { ReactNode } from "react";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";

export interface KeptColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

export function KeptHeaderRow<T>({ columns }: { columns: readonly KeptColumn<T>[] }) {
  return (
    <tr>
      {columns.map((c) => (
        <TableHead key={c.header}>{c.header}</TableHead>
      ))}
    </tr>
  );
}

export function KeptRow<T>({ item, columns }: { item: T; columns: readonly KeptColumn<T>[] }) {
  return (
    <TableRow className="align-top">
      {columns.map((c) => (
        <TableCell key={c.header}>{c.cell(item)}</TableCell>
      ))}
    </TableRow>
  );
}
