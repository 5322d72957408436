"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { CopyValue } from "@/components/ui/copy-value";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { EmptyState } from "@/components/ui/states";
import { Table, TableBody, TableFooter, TableHead, TableHeader, TableRow, TableRowHead, TableCell } from "@/components/ui/table";
import { CHARGE_KIND_WORDS, FAMILY_RULE } from "@/lib/charges/families";
import { summaryRows, totalsMismatch, type SummaryRow } from "@/lib/charges/totals";
import { formatCount, formatDate } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";
import type { ChargesRange, ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { contentKeys } from "@/lib/utils/content-keys";
import { periodLabel, rangeQueryString } from "./period";

function Amount({ value, currency, label }: { value: string; currency: string; label: string }) {
  if (value === "") return null;
  return (
    <CopyValue value={value} label={label}>
      <Money amount={value} currency={currency} />
    </CopyValue>
  );
}

function Count({ value }: { value: string }) {
  return value === "" ? null : <>{formatCount(Number(value))}</>;
}

function SectionHeading({ children }: { children: string }) {
  return (
    <tr className="bg-bg">
      <TableHead scope="colgroup" colSpan={8} className="text-xs font-semibold uppercase tracking-wide text-muted group-data-[density=card]/table:px-2 group-data-[density=card]/table:py-1.5">
        {children}
      </TableHead>
    </tr>
  );
}

/** A row that names a product subtotal or a total: the name across the quantities, then the amount. */
function SumRow({ r, currency, total }: { r: SummaryRow; currency: string; total?: boolean }) {
  return (
    <TableRow total={total} className={total ? "text-base" : undefined} data-section={r.section} data-alias={r.alias} data-item={r.item} data-amount={r.amount}>
      <TableRowHead colSpan={7}>
        {r.item}
      </TableRowHead>
      <TableCell numeric className={r.section === "total" ? "font-medium" : undefined}>
        <Amount value={r.amount} currency={currency} label={r.item} />
      </TableCell>
    </TableRow>
  );
}

function SummaryTable({ summary }: { summary: ChargesSummary }) {
  const all = summaryRows(summary.summary);
  // Adjustments have no alias: a row is known by what it says.
  const keys = contentKeys(all, (r) => [r.section, r.alias, r.item, r.date, r.amount].join("|"));
  const rows = all.map((r, i) => ({ ...r, key: keys[i]! }));
  const c = summary.currency;
  const comparative = rows.filter((r) => r.section === "line" && r.existing_quantity !== "");
  const simple = rows.filter((r) => r.section === "line" && r.existing_quantity === "");
  const adjustments = rows.filter((r) => r.section === "adjustment");
  const totals = rows.filter((r) => r.section === "total");
  const families = rows.filter((r) => r.section === "family");
  const mismatch = totalsMismatch(summary);

  const line = (r: SummaryRow & { key: string }) => (
    <TableRow key={r.key} data-section={r.section} data-alias={r.alias} data-item={r.item} data-amount={r.amount}>
      <TableRowHead>
        {r.item}
        {r.date ? <span className="block text-xs text-muted">{formatDate(r.date)}</span> : null}
      </TableRowHead>
      <TableCell numeric>
        <Count value={r.new_quantity} />
      </TableCell>
      <TableCell numeric>
        <Amount value={r.new_mrc} currency={c} label={`${r.item} new MRC`} />
      </TableCell>
      <TableCell numeric>
        <Amount value={r.new_otc} currency={c} label={`${r.item} new OTC`} />
      </TableCell>
      <TableCell numeric>
        <Count value={r.existing_quantity} />
      </TableCell>
      <TableCell numeric>
        <Amount value={r.existing_mrc} currency={c} label={`${r.item} existing MRC`} />
      </TableCell>
      <TableCell numeric>
        <Count value={r.quantity} />
      </TableCell>
      <TableCell numeric className="font-medium">
        <Amount value={r.amount} currency={c} label={`${r.item} amount`} />
      </TableCell>
    </TableRow>
  );

  if (rows.every((r) => r.section === "total"))
    return <EmptyState title="No charges in this period">Nothing was billed between these dates.</EmptyState>;

  return (
    <>
      <ScrollRegion label="Charges summary table (scrolls sideways)">
        <Table density="card" className="min-w-[44rem]" aria-label={`Charges summary, ${periodLabel(summary)}`}>
          <TableHeader>
            <tr>
              <TableHead>Item</TableHead>
              <TableHead numeric>New qty</TableHead>
              <TableHead numeric>
                New <abbr title={CHARGE_KIND_WORDS.MRC}>MRC</abbr>
              </TableHead>
              <TableHead numeric>
                New <abbr title={CHARGE_KIND_WORDS.OTC}>OTC</abbr>
              </TableHead>
              <TableHead numeric>Existing qty</TableHead>
              <TableHead numeric>
                Existing <abbr title={CHARGE_KIND_WORDS.MRC}>MRC</abbr>
              </TableHead>
              <TableHead numeric>Qty</TableHead>
              <TableHead numeric>Amount</TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {comparative.length ? <SectionHeading>Numbers and features (recurring)</SectionHeading> : null}
            {comparative.map(line)}
            {simple.length ? <SectionHeading>Usage and other</SectionHeading> : null}
            {simple.map(line)}
            {adjustments.length ? <SectionHeading>Credits and adjustments</SectionHeading> : null}
            {adjustments.map(line)}
          </TableBody>
          <TableFooter>
            {families.length ? <SectionHeading>Subtotals by product (the lines above, grouped)</SectionHeading> : null}
            {families.map((r) => (
              <SumRow key={r.key} r={r} currency={c} />
            ))}
            <SectionHeading>Totals (sums of the lines above)</SectionHeading>
            {totals.map((r) => (
              <SumRow key={r.key} r={r} currency={c} total={r.alias === "grand_total"} />
            ))}
          </TableFooter>
        </Table>
      </ScrollRegion>
      <dl className="mt-2 grid gap-x-3 gap-y-0.5 text-xs text-muted sm:grid-cols-[auto_1fr]" data-testid="charge-kinds">
        {(Object.keys(CHARGE_KIND_WORDS) as (keyof typeof CHARGE_KIND_WORDS)[]).map((k) => (
          <div key={k} className="contents">
            <dt className="font-medium text-fg">{k}</dt>
            <dd>{CHARGE_KIND_WORDS[k]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-muted" data-testid="family-rule">
        <span className="font-medium text-fg">How lines are grouped by product: </span>
        {FAMILY_RULE}
      </p>
      {mismatch.length ? (
        <p role="note" className="mt-2 rounded-md border border-warning/40 bg-warning/10 p-2 text-xs">
          Telnyx&apos;s own totals differ from the sum of its lines ({mismatch.join(", ")}). The totals above are the sums of the lines.
        </p>
      ) : null}
    </>
  );
}

export function SummaryCard({ range }: { range: ChargesRange }) {
  const query = useQuery({ ...operationQuery("chargesSummary", range), placeholderData: keepPreviousData });
  return (
    <Card aria-labelledby="summary-title" data-testid="summary-card">
      <CardHeader
        title={<span id="summary-title">Summary, {periodLabel(range)}</span>}
        description="Amounts in UTC days; usage of the last few hours may not be rated yet."
        actions={
          <DownloadLink href={`/api/charges/summary.csv?${rangeQueryString(range)}`} aria-label="Export the summary as CSV">
            <Download aria-hidden className="h-4 w-4" />
            Export CSV
          </DownloadLink>
        }
      />
      <QueryResult query={query} label="the charges summary" lines={6}>
        {(data) => <SummaryTable summary={data.data} />}
      </QueryResult>
    </Card>
  );
}
