"use client";

// "Cost per day": usage cost per UTC day by record type or by tag, for any range the ledger keeps
// (from its rollups, not limited to Telnyx's 31-day windows), with a CSV export of the same rows.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { DayRangeInputs, InvalidDayRange, isDayRange } from "@/components/ui/day-range-inputs";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EmptyState } from "@/components/ui/states";
import { formatDate } from "@/lib/format";
import { dailySpendOptions, type SpendGroup } from "@/lib/history/queries";
import { addUtcDays, pivotDailySpend } from "@/lib/history/series";
import { recordTypeLabel } from "@/lib/usage/records";
import { costPerDaySearchParams } from "./search-params";


function keyLabel(key: string | null, group: SpendGroup) {
  if (key === null) return group === "tag" ? "Untagged" : "Unknown";
  return group === "record_type" ? recordTypeLabel(key) : key;
}

/** One cell per key, then the row's total (bold). */
function CostCells({ costs, total, currency, className }: { costs: string[]; total: string; currency: string; className: string }) {
  return (
    <>
      {[...costs, total].map((c, i) => (
        <td key={i} className={`tabular px-3 text-right ${className} ${i === costs.length ? "font-medium" : ""}`}>
          <Money amount={c} currency={currency} />
        </td>
      ))}
    </>
  );
}

export function CostPerDayView({ today }: { today: string }) {
  const [p, setP] = useQueryStates(costPerDaySearchParams, { history: "push" });
  const to = p.to || addUtcDays(today, 1);
  const from = p.from || addUtcDays(to, -30);
  const valid = isDayRange(from, to);
  const query = useQuery({ ...dailySpendOptions(from, to, p.group), placeholderData: keepPreviousData, enabled: valid });
  const exportUrl = `/api/history/daily-spend/export?${new URLSearchParams({ from, to, group_by: p.group })}`;
  return (
    <div className="space-y-4" data-testid="cost-per-day">
      <p className="text-sm text-muted">
        From the dashboard&apos;s ledger: daily rollups of the detail records, UTC days. The first day is included, the last is not.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <DayRangeInputs from={from} to={to} onChange={(c) => void setP(c)} />
        <label className={labelClass}>
          Per
          <select className={controlClass} value={p.group} onChange={(e) => void setP({ group: e.target.value as SpendGroup })}>
            <option value="record_type">Record type</option>
            <option value="tag">User tag</option>
          </select>
        </label>
        <div className="ml-auto">{valid ? <DownloadLink href={exportUrl}>Export CSV</DownloadLink> : null}</div>
      </div>
      {!valid ? <InvalidDayRange /> : (
        <QueryResult query={query} label="the cost per day">
          {({ data }) => {
            if (data.length === 0)
              return (
                <EmptyState title="No usage kept for these days">
                  The ledger&apos;s usage rollups start with the first sync (90 days back by default, <code>LEDGER_BACKFILL_DAYS</code>).
                </EmptyState>
              );
            const t = pivotDailySpend(data, from, to);
            const cur = t.currency!;
            return (
              <div className="space-y-2">
                <p className="text-sm">
                  <Money amount={t.total} currency={cur} /> over {t.days.length} {t.days.length === 1 ? "day" : "days"}, {formatDate(from)} to {formatDate(addUtcDays(to, -1))}.
                  {t.otherCurrencies.length ? <span className="text-muted"> Rows in {t.otherCurrencies.join(", ")} are in the CSV only.</span> : null}
                </p>
                <ScrollRegion label="Cost per day" className="max-h-[32rem] rounded-md border border-border">
                  <table className="w-full text-sm">
                    <caption className="sr-only">Usage cost per UTC day and {p.group === "tag" ? "user tag" : "record type"}, newest first</caption>
                    <thead className="sticky top-0 bg-surface">
                      <tr className="border-b border-border text-left">
                        <th scope="col" className="px-3 py-2 font-medium">
                          Day (UTC)
                        </th>
                        {t.keys.map((k) => (
                          <th key={String(k)} scope="col" className="px-3 py-2 text-right font-medium">
                            {keyLabel(k, p.group)}
                          </th>
                        ))}
                        <th scope="col" className="px-3 py-2 text-right font-medium">
                          Total
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {t.days.map((d) => (
                        <tr key={d.date} className="border-b border-border last:border-0">
                          <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                            {formatDate(d.date)}
                          </th>
                          <CostCells costs={d.costs} total={d.total} currency={cur} className="py-1.5" />
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr className="border-t border-border font-medium">
                        <th scope="row" className="px-3 py-2 text-left">
                          Total
                        </th>
                        <CostCells costs={t.totals} total={t.total} currency={cur} className="py-2" />
                      </tr>
                    </tfoot>
                  </table>
                </ScrollRegion>
              </div>
            );
          }}
        </QueryResult>
      )}
    </div>
  );
}
