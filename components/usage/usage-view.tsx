"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { Fragment, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { Money } from "@/components/ui/money";
import { PagedListState } from "@/components/ui/paged-list-state";
import { ErrorState } from "@/components/ui/states";
import { formatCount } from "@/lib/format";
import { operationPagesQuery, operationQuery } from "@/lib/query/operation-query";
import { DETAIL_RECORD_TYPES, isDateRange, type DetailRecordType } from "@/lib/telnyx/contract";
import { exportFileName } from "@/lib/usage/csv";
import { DATE_RANGE_PRESETS, dateRangeLabel, hasKnownLayout, layoutFor, recordTags, recordTypeLabel, usageTotals } from "@/lib/usage/records";
import { AllTypesExport } from "./all-types-export";
import { ExportButton } from "./export-button";
import { RecordsFooter } from "./records-table/footer";
import { RecordsTable } from "./records-table/table";
import { tagFilterApplies, usageQuery, usageSearchParams } from "./search-params";

function RangePicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const preset = DATE_RANGE_PRESETS.some((p) => p.value === value);
  const [days, setDays] = useState(() => /^last_(\d+)_days$/.exec(value)?.[1] ?? "14");
  const valid = isDateRange(`last_${days}_days`);
  return (
    <div className="flex items-end gap-2">
      <label className={labelClass}>
        Date range
        <select className={controlClass} value={preset ? value : "custom"} onChange={(e) => onChange(e.target.value === "custom" ? `last_${days}_days` : e.target.value)}>
          {DATE_RANGE_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">Last N days…</option>
        </select>
      </label>
      {!preset ? (
        <form
          className="flex items-end gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange(`last_${Number(days)}_days`);
          }}
        >
          <label className={labelClass}>
            Days (1–999)
            <input
              className={`${controlClass} w-20`}
              type="number"
              min={1}
              max={999}
              value={days}
              onChange={(e) => setDays(e.target.value)}
              aria-invalid={!valid}
            />
          </label>
          <Button type="submit" size="sm" variant="secondary" disabled={!valid}>
            Apply
          </Button>
        </form>
      ) : null}
    </div>
  );
}

export function UsageView({ today }: { today: string }) {
  const [p, setP] = useQueryStates(usageSearchParams, { history: "push" });
  const rangeOk = isDateRange(p.range);
  const query = usageQuery(p);
  const tags = useQuery(operationQuery("userTags", {}));
  const list = useInfiniteQuery({
    ...operationPagesQuery("detailRecords", query),
    placeholderData: keepPreviousData,
    enabled: rangeOk,
    structuralSharing: false,
  });
  const records = useMemo(() => list.data?.pages.flatMap((pg) => pg.data) ?? [], [list.data]);
  const layout = useMemo(() => layoutFor(p.type, records), [p.type, records]);
  const tagApplies = tagFilterApplies(p.type);
  // Telnyx filters by tag; the loaded records are checked again here in case an upstream ignores it.
  const shown = useMemo(() => {
    if (!p.tag || !tagApplies) return records;
    const want = p.tag.toLowerCase();
    return records.filter((r) => recordTags(r, layout).some((t) => t.toLowerCase().includes(want)));
  }, [records, p.tag, tagApplies, layout]);
  const totals = useMemo(() => usageTotals(shown, layout), [shown, layout]);
  const total = list.data?.pages[0]?.meta.total_results ?? 0;
  const filterKey = JSON.stringify([p.type, p.range, query.tags ?? ""]);

  const allTags = [...new Set([...(tags.data?.data.number_tags ?? []), ...(tags.data?.data.outbound_profile_tags ?? [])])].sort((a, b) =>
    a.localeCompare(b),
  );
  const exportParams = new URLSearchParams({ record_type: p.type, date_range: p.range, ...(query.tags ? { tags: query.tags } : {}) });

  return (
    <div className="space-y-4">
      <AllTypesExport today={today} />
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3" role="group" aria-label="Search usage records">
        <label className={labelClass}>
          Record type
          <select className={controlClass} value={p.type} onChange={(e) => void setP({ type: e.target.value as DetailRecordType })}>
            {DETAIL_RECORD_TYPES.map((t) => (
              <option key={t} value={t}>
                {recordTypeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <RangePicker key={p.range} value={p.range} onChange={(range) => void setP({ range })} />
        <label className={labelClass}>
          User tag
          <select
            className={controlClass}
            value={tagApplies ? p.tag : ""}
            disabled={!tagApplies}
            onChange={(e) => void setP({ tag: e.target.value })}
            aria-describedby={tagApplies ? undefined : "tag-hint"}
          >
            <option value="">Any tag</option>
            {allTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
            {p.tag && !allTags.includes(p.tag) ? <option value={p.tag}>{p.tag}</option> : null}
          </select>
        </label>
        {!tagApplies ? (
          <p id="tag-hint" className="text-xs text-muted">
            {recordTypeLabel(p.type)} records carry no user tags.
          </p>
        ) : tags.isError ? (
          <p className="text-xs text-danger">Couldn&apos;t load your tags: {tags.error.message}</p>
        ) : null}
        <div className="ml-auto">
          <ExportButton
            key={exportParams.toString()}
            url={`/api/detail-records/export?${exportParams}`}
            fallbackName={exportFileName({ record_type: p.type, date_range: p.range, tags: query.tags })}
          />
        </div>
      </div>

      <p className="text-xs text-muted">
        Records of the last few hours may still be incomplete. {hasKnownLayout(p.type) ? "" : "Columns for this record type come from the records themselves."}
      </p>

      <section aria-labelledby="usage-results-title" className="rounded-lg border border-border bg-surface">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-2">
          <h2 id="usage-results-title" className="text-sm font-semibold">
            {recordTypeLabel(p.type)} · {dateRangeLabel(p.range)}
            {query.tags ? ` · tag “${query.tags}”` : ""}
          </h2>
          {list.data ? (
            <p className="text-xs" data-testid="usage-totals" aria-live="polite">
              <span data-testid="usage-loaded">{formatCount(totals.count)}</span> loaded of{" "}
              <span data-testid="usage-total">{formatCount(total)}</span> · sum of the {formatCount(totals.count)} loaded rows only (the export
              has all of them; &ldquo;All record types&rdquo; above gives the month&apos;s total):{" "}
              {totals.costs.length ? (
                totals.costs.map((c, i) => (
                  <Fragment key={c.currency}>
                    {i ? " + " : ""}
                    <Money amount={c.amount} currency={c.currency} testId={`usage-cost-${c.currency}`} />
                    {/\.\d{3,}$/.test(c.amount) ? <span className="tabular text-muted"> (exactly {c.amount})</span> : null}
                  </Fragment>
                ))
              ) : (
                <span className="text-muted">{layout.costField ? "0" : "not itemised for this type"}</span>
              )}
            </p>
          ) : null}
        </div>

        {!rangeOk ? (
          <div className="p-3">
            <ErrorState title="That date range isn't valid" error={new Error("Choose a preset or last N days with N from 1 to 999.")} />
          </div>
        ) : (
          <PagedListState
            query={list}
            loadingLabel="usage records"
            errorTitle="Couldn't load usage records"
            isEmpty={shown.length === 0}
            noData={{ title: "No records", body: `No ${recordTypeLabel(p.type).toLowerCase()} records for ${dateRangeLabel(p.range).toLowerCase()}.` }}
            noResults={{
              title: "No records",
              body: `No ${recordTypeLabel(p.type).toLowerCase()} records for ${dateRangeLabel(p.range).toLowerCase()} tagged “${query.tags}”.`,
            }}
            filtered={!!query.tags}
            onClearFilters={() => void setP({ tag: "" })}
            footer={
              <RecordsFooter
                total={total}
                hasNextPage={list.hasNextPage}
                isFetchingNextPage={list.isFetchingNextPage}
                nextPageError={list.isFetchNextPageError ? list.error : null}
                fetchNextPage={list.fetchNextPage}
              />
            }
          >
            {/* Remounted per filter set: a row opened under other filters closes. */}
            <RecordsTable
              key={filterKey}
              records={shown}
              layout={layout}
              typeLabel={recordTypeLabel(p.type)}
              total={total}
              busy={list.isFetching}
              stale={list.isPlaceholderData}
            />
          </PagedListState>
        )}
      </section>
    </div>
  );
}
