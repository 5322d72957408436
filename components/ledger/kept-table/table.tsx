// One page of a kept list (the ledger's copy of audit events or webhook deliveries), newest first.
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableHeader } from "@/components/ui/table";
import { KeptHeaderRow, KeptRow, type KeptColumn } from "./columns";

export function KeptTable<T extends { id: string }>({ items, columns, label }: { items: readonly T[]; columns: readonly KeptColumn<T>[]; label: string }) {
  return (
    <ScrollRegion label={label} className="rounded-md border border-border">
      <Table>
        <TableHeader>
          <KeptHeaderRow columns={columns} />
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <KeptRow key={item.id} item={item} columns={columns} />
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
