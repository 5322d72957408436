"use client";

// The charges by number: 10,000+ rows, so only those in view (and 5 either side) are rendered,
// between two spacer rows that keep the scroll height; the header stays on top. The overscan is
// small (5 rows, 205 px): each row is ~19 elements, and the rows the first render inserts are the
// largest task of the Charges page on a phone (Lighthouse: 15 rows either side made it ~650 elements).
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableHeader } from "@/components/ui/table";
import type { BreakdownRow as Row, BreakdownSort } from "@/lib/charges/breakdown";
import { BreakdownHeaderRow, BreakdownRow, COLUMN_COUNT, ROW_HEIGHT } from "./columns";

function Spacer({ height }: { height: number }) {
  return height > 0 ? (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  ) : null;
}

export function BreakdownTable({ rows, currency, sort, onSort, label }: { rows: Row[]; currency: string; sort: BreakdownSort; onSort: (s: BreakdownSort) => void; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler can't memoize; this project doesn't use
  // the compiler, so the rule's "compilation skipped" is informational here.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
    initialRect: { width: 800, height: 512 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <ScrollRegion ref={scrollRef} label={`${label} (scrolls)`} className="max-h-[32rem] overflow-auto rounded-md border border-border">
      <Table className="min-w-[52rem] table-fixed" aria-label={label} aria-rowcount={rows.length + 1} data-testid="breakdown-table">
        <TableHeader sticky>
          <BreakdownHeaderRow sort={sort} onSort={onSort} />
        </TableHeader>
        <TableBody>
          <Spacer height={top} />
          {items.map((item) => (
            <BreakdownRow key={rows[item.index]!.tn} row={rows[item.index]!} index={item.index} currency={currency} />
          ))}
          <Spacer height={bottom} />
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
