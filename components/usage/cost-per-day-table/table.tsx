// Usage cost per UTC day (newest first) and record type or user tag, with the totals below.
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableCaption, TableFooter, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { SpendGroup } from "@/lib/history/queries";
import type { SpendPivot } from "@/lib/history/series";
import { CostCells, CostHeaderRow } from "./columns";

export function CostPerDayTable({ pivot: t, currency, group }: { pivot: SpendPivot; currency: string; group: SpendGroup }) {
  return (
    <ScrollRegion label="Cost per day" className="max-h-[32rem] rounded-md border border-border">
      <Table>
        <TableCaption>Usage cost per UTC day and {group === "tag" ? "user tag" : "record type"}, newest first</TableCaption>
        <TableHeader sticky>
          <CostHeaderRow keys={t.keys} group={group} />
        </TableHeader>
        <TableBody>
          {t.days.map((d) => (
            <TableRow key={d.date}>
              <CostCells name={formatDate(d.date)} keys={t.keys} costs={d.costs} total={d.total} currency={currency} />
            </TableRow>
          ))}
        </TableBody>
        <TableFooter className="font-medium">
          <TableRow>
            <CostCells name="Total" bold keys={t.keys} costs={t.totals} total={t.total} currency={currency} />
          </TableRow>
        </TableFooter>
      </Table>
    </ScrollRegion>
  );
}
