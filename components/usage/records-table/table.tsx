"use client";

// The usage records table: one row per record, keyed by the record's id (lib/usage/records.ts
// recordId), with its full JSON one click away. The open row lives here: the view remounts this
// table when the filters change, so a record opened under other filters never stays open.
import { Fragment, useState } from "react";
import { JsonTree } from "@/components/json/json-tree";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount } from "@/lib/format";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";
import { recordId, type RecordTypeLayout } from "@/lib/usage/records";
import { Cell, isNumericColumn } from "./columns";

export function RecordsTable({
  records,
  layout,
  typeLabel,
  total,
  busy,
  stale,
}: {
  records: readonly DetailRecord[];
  layout: RecordTypeLayout;
  typeLabel: string;
  total: number;
  busy: boolean;
  stale: boolean;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ScrollRegion label={`${typeLabel} records (scrolls sideways)`} aria-busy={busy}>
      <Table data-testid="usage-table">
        <TableCaption>
          {typeLabel} records, {formatCount(records.length)} loaded of {formatCount(total)}
        </TableCaption>
        <TableHeader>
          <tr>
            {layout.columns.map((c) => (
              <TableHead key={c.key} align={isNumericColumn(c) ? "right" : "left"} className="whitespace-nowrap">
                {c.label}
              </TableHead>
            ))}
            <TableHead>
              <span className="sr-only">Details</span>
            </TableHead>
          </tr>
        </TableHeader>
        <TableBody className={stale ? "opacity-60" : undefined}>
          {records.map((r, i) => {
            const id = recordId(r, i);
            const isOpen = open === id;
            return (
              <Fragment key={id}>
                <TableRow className="align-top" data-testid="usage-row">
                  {layout.columns.map((c) => (
                    <TableCell key={c.key} align={isNumericColumn(c) ? "right" : "left"} className="group-data-[density=list]/table:py-1.5">
                      <Cell column={c} record={r} />
                    </TableCell>
                  ))}
                  <TableCell className="group-data-[density=list]/table:py-1.5">
                    <Button variant="ghost" size="sm" className="whitespace-nowrap" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : id)}>
                      {isOpen ? "Hide" : "All fields"}
                    </Button>
                  </TableCell>
                </TableRow>
                {isOpen ? (
                  <TableRow>
                    <TableCell colSpan={layout.columns.length + 1}>
                      <JsonTree value={r} label={`Record ${i + 1}, all fields`} openDepth={1} />
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
