"use client";

import { useQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { Fragment, useState } from "react";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { Money } from "@/components/ui/money";
import { addMonths, lastMonths, monthOf, monthRange } from "@/lib/charges/months";
import { summaryTotals } from "@/lib/charges/totals";
import { formatCount, formatMonth } from "@/lib/format";
import { dailySpendOptions } from "@/lib/history/queries";
import { formatMoney } from "@/lib/money";
import { operationQuery } from "@/lib/query/operation-query";
import { parseCsvObjects } from "@/lib/usage/csv";
import { compareWithCharges, exportTotals, ledgerTotals, type ResultTotals } from "@/lib/usage/month-totals";
import { ExportButton } from "./export-button";

function TotalsText({ totals, testId }: { totals: ResultTotals; testId: string }) {
  if (totals.costs.length === 0) return <span data-testid={testId}>$0.00</span>;
  return (
    <span data-testid={testId}>
      {totals.costs.map((c, i) => (
        <Fragment key={c.currency}>
          {i ? " + " : ""}
          <Money amount={c.amount} currency={c.currency} />
        </Fragment>
      ))}
    </span>
  );
}

function ChargesLine({ month, usage }: { month: string; usage: ResultTotals }) {
  const charges = useQuery(operationQuery("chargesSummary", monthRange(month)));
  if (charges.isPending) return <p className="text-xs text-muted">Loading the usage on Charges for {formatMonth(month)}…</p>;
  if (charges.isError) return <p className="text-xs text-danger">Couldn&apos;t load Charges for {formatMonth(month)}: {charges.error.message}</p>;
  const currency = charges.data.data.currency;
  const usageAmount = usage.costs.find((c) => c.currency === currency)?.amount ?? "0.00";
  const other = summaryTotals(charges.data.data.summary).other;
  const comparison = compareWithCharges(usageAmount, other, (a) => formatMoney(a, currency));
  return (
    <p className={comparison.matches ? "text-xs text-success" : "text-xs text-warning"} data-testid="usage-vs-charges">
      {comparison.sentence}{" "}
      <AppLink className="underline" href={`/charges?month=${month}`}>
        Open Charges for {formatMonth(month)}
      </AppLink>
      {comparison.matches ? null : " (usage records of the last hours may still arrive; credits and recurring charges are not usage)."}
    </p>
  );
}

/**
 * Every record type of one UTC month in one CSV, with the month's total from the dashboard's
 * ledger before the download and the file's own total after it, each beside the usage on Charges.
 */
export function AllTypesExport({ today }: { today: string }) {
  const now = new Date(`${today}T00:00:00Z`);
  const months = lastMonths(13, now).slice(0, 12).reverse();
  const [month, setMonth] = useState(() => addMonths(monthOf(now), -1));
  const [fileTotals, setFileTotals] = useState<{ month: string; totals: ResultTotals } | null>(null);
  const range = monthRange(month);
  const ledger = useQuery(dailySpendOptions(range.start_date, range.end_date));
  const ledgerSum = ledger.data ? ledgerTotals(ledger.data.data) : null;
  const ownTotals = fileTotals?.month === month ? fileTotals.totals : null;

  return (
    <section aria-labelledby="all-types-title" className="space-y-2 rounded-lg border border-border bg-surface p-3">
      <h2 id="all-types-title" className="text-sm font-semibold">
        All record types for a month
      </h2>
      <p className="text-xs text-muted">
        One CSV with every record type Telnyx has for the month (a <code>record_type</code> column, times in UTC as on Charges, the other fields
        of each record as JSON in <code>details</code>).
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className={labelClass}>
          Month (UTC)
          <select className={controlClass} value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m)}
                {m === monthOf(now) ? " (so far)" : ""}
              </option>
            ))}
          </select>
        </label>
        <ExportButton
          key={month}
          url={`/api/detail-records/export?${new URLSearchParams({ record_type: "all", month })}`}
          fallbackName={`usage-all-${month}.csv`}
          label="Export all record types (CSV)"
          statusTestId="all-types-export-status"
          onComplete={(csv) => setFileTotals({ month, totals: exportTotals(parseCsvObjects(csv)) })}
        />
      </div>
      <div className="space-y-1 text-sm" aria-live="polite">
        {ledger.isPending ? (
          <p className="text-xs text-muted">Loading the month&apos;s total…</p>
        ) : ledger.isError ? (
          <p className="text-xs text-danger">Couldn&apos;t load the month&apos;s total from the ledger: {ledger.error.message}</p>
        ) : ledgerSum && ledgerSum.count === 0 ? (
          <p className="text-xs text-muted" data-testid="usage-month-ledger-empty">
            The dashboard&apos;s ledger has no usage records for {formatMonth(month)} (it has not synced them yet, or there are none): export the
            file for its total.
          </p>
        ) : ledgerSum ? (
          <>
            <p>
              Total for {formatMonth(month)} (from the dashboard&apos;s ledger, all {formatCount(ledgerSum.count)} records it has synced):{" "}
              <strong>
                <TotalsText totals={ledgerSum} testId="usage-month-ledger-total" />
              </strong>
            </p>
            {ownTotals === null ? <ChargesLine month={month} usage={ledgerSum} /> : null}
          </>
        ) : null}
        {ownTotals ? (
          <>
            <p>
              Total of the exported file (all {formatCount(ownTotals.count)} rows, summed here):{" "}
              <strong>
                <TotalsText totals={ownTotals} testId="usage-month-export-total" />
              </strong>
            </p>
            <ChargesLine month={month} usage={ownTotals} />
          </>
        ) : null}
      </div>
    </section>
  );
}
