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
import { CHARGE_KIND_WORDS, FAMILY_RULE } from "@/lib/charges/families";
import { summaryRows, totalsMismatch, type SummaryRow } from "@/lib/charges/totals";
import { formatCount, formatDate } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";
import type { ChargesRange, ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";
import { periodLabel, rangeQueryString } from "./period";

const th = "px-2 py-2 text-right font-medium text-muted whitespace-nowrap";
const td = "px-2 py-1.5 text-right tabular whitespace-nowrap";

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
      <th scope="colgroup" colSpan={8} className="px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-muted">
        {children}
      </th>
    </tr>
  );
}

function SummaryTable({ summary }: { summary: ChargesSummary }) {
  const rows = summaryRows(summary.summary);
  const c = summary.currency;
  const comparative = rows.filter((r) => r.section === "line" && r.existing_quantity !== "");
  const simple = rows.filter((r) => r.section === "line" && r.existing_quantity === "");
  const adjustments = rows.filter((r) => r.section === "adjustment");
  const totals = rows.filter((r) => r.section === "total");
  const families = rows.filter((r) => r.section === "family");
  const mismatch = totalsMismatch(summary);

  const line = (r: SummaryRow, i: number) => (
    <tr key={`${r.section}-${r.alias}-${i}`} data-section={r.section} data-alias={r.alias} data-item={r.item} data-amount={r.amount} className="border-t border-border">
      <th scope="row" className="px-2 py-1.5 text-left font-normal">
        {r.item}
        {r.date ? <span className="block text-xs text-muted">{formatDate(r.date)}</span> : null}
      </th>
      <td className={td}>
        <Count value={r.new_quantity} />
      </td>
      <td className={td}>
        <Amount value={r.new_mrc} currency={c} label={`${r.item} new MRC`} />
      </td>
      <td className={td}>
        <Amount value={r.new_otc} currency={c} label={`${r.item} new OTC`} />
      </td>
      <td className={td}>
        <Count value={r.existing_quantity} />
      </td>
      <td className={td}>
        <Amount value={r.existing_mrc} currency={c} label={`${r.item} existing MRC`} />
      </td>
      <td className={td}>
        <Count value={r.quantity} />
      </td>
      <td className={cn(td, "font-medium")}>
        <Amount value={r.amount} currency={c} label={`${r.item} amount`} />
      </td>
    </tr>
  );

  if (rows.every((r) => r.section === "total"))
    return <EmptyState title="No charges in this period">Nothing was billed between these dates.</EmptyState>;

  return (
    <>
      <ScrollRegion label="Charges summary table (scrolls sideways)">
        <table className="w-full min-w-[44rem] text-sm" aria-label={`Charges summary, ${periodLabel(summary)}`}>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-2 text-left font-medium text-muted">
                Item
              </th>
              <th scope="col" className={th}>
                New qty
              </th>
              <th scope="col" className={th}>
                New <abbr title={CHARGE_KIND_WORDS.MRC}>MRC</abbr>
              </th>
              <th scope="col" className={th}>
                New <abbr title={CHARGE_KIND_WORDS.OTC}>OTC</abbr>
              </th>
              <th scope="col" className={th}>
                Existing qty
              </th>
              <th scope="col" className={th}>
                Existing <abbr title={CHARGE_KIND_WORDS.MRC}>MRC</abbr>
              </th>
              <th scope="col" className={th}>
                Qty
              </th>
              <th scope="col" className={th}>
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {comparative.length ? <SectionHeading>Numbers and features (recurring)</SectionHeading> : null}
            {comparative.map(line)}
            {simple.length ? <SectionHeading>Usage and other</SectionHeading> : null}
            {simple.map(line)}
            {adjustments.length ? <SectionHeading>Credits and adjustments</SectionHeading> : null}
            {adjustments.map(line)}
          </tbody>
          <tfoot>
            {families.length ? <SectionHeading>Subtotals by product (the lines above, grouped)</SectionHeading> : null}
            {families.map((r) => (
              <tr key={r.alias} data-section="family" data-alias={r.alias} data-item={r.item} data-amount={r.amount} className="border-t border-border">
                <th scope="row" colSpan={7} className="px-2 py-1.5 text-left font-normal">
                  {r.item}
                </th>
                <td className={td}>
                  <Amount value={r.amount} currency={c} label={r.item} />
                </td>
              </tr>
            ))}
            <SectionHeading>Totals (sums of the lines above)</SectionHeading>
            {totals.map((r) => (
              <tr
                key={r.alias}
                data-section="total"
                data-alias={r.alias}
                data-item={r.item}
                data-amount={r.amount}
                className={cn("border-t border-border", r.alias === "grand_total" && "border-t-2 text-base font-semibold")}
              >
                <th scope="row" colSpan={7} className="px-2 py-1.5 text-left font-normal">
                  {r.item}
                </th>
                <td className={cn(td, "font-medium")}>
                  <Amount value={r.amount} currency={c} label={r.item} />
                </td>
              </tr>
            ))}
          </tfoot>
        </table>
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
