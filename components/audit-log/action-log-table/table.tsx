// One page of the dashboard's action log, newest first.
import { Table, TableBody, TableCaption, TableHeader } from "@/components/ui/table";
import type { ActionEntry } from "@/lib/action-log";
import { ActionHeaderRow, ActionRow } from "./columns";

export function ActionLogTable({ entries }: { entries: readonly ActionEntry[] }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableCaption>Dashboard actions, newest first</TableCaption>
        <TableHeader>
          <ActionHeaderRow />
        </TableHeader>
        <TableBody>
          {entries.map((a) => (
            <ActionRow key={a.id} entry={a} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
