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
import { formatDate } from "@/lib/format";
import { dailySpendOptions, type SpendGroup } from "@/lib/history/queries";
import { addUtcDays, pivotDailySpend } from "@/lib/history/series";
import { CostPerDayEmpty } from "./cost-per-day-table/empty";
import { CostPerDayTable } from "./cost-per-day-table/table";
import { costPerDaySearchParams } from "./search-params";

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
            if (data.length === 0) return <CostPerDayEmpty />;
            const t = pivotDailySpend(data, from, to);
            const cur = t.currency!;
            return (
              <div className="space-y-2">
                <p className="text-sm">
                  <Money amount={t.total} currency={cur} /> over {t.days.length} {t.days.length === 1 ? "day" : "days"}, {formatDate(from)} to {formatDate(addUtcDays(to, -1))}.
                  {t.otherCurrencies.length ? <span className="text-muted"> Rows in {t.otherCurrencies.join(", ")} are in the CSV only.</span> : null}
                </p>
                <CostPerDayTable pivot={t} currency={cur} group={p.group} />
              </div>
            );
          }}
        </QueryResult>
      )}
    </div>
  );
}
