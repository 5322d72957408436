"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { Fragment, useMemo, useState } from "react";
import { JsonTree } from "@/components/json/json-tree";
import { Button } from "@/components/ui/button";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { Money } from "@/components/ui/money";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { TruncatedText } from "@/components/ui/truncated-text";
import { formatCount, formatDateTime } from "@/lib/format";
import { operationPagesQuery, operationQuery } from "@/lib/query/operation-query";
import { DETAIL_RECORD_TYPES, isDateRange, type DetailRecordType } from "@/lib/telnyx/contract";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";
import { exportFileName } from "@/lib/usage/csv";
import {
  cellText,
  DATE_RANGE_PRESETS,
  dateRangeLabel,
  hasKnownLayout,
  layoutFor,
  recordTags,
  recordTypeLabel,
  usageTotals,
  type UsageColumn,
} from "@/lib/usage/records";
import { ExportButton } from "./export-button";
import { tagFilterApplies, usageQuery, usageSearchParams } from "./search-params";

function Cell({ column, record }: { column: UsageColumn; record: DetailRecord }) {
  const value = (record as Record<string, unknown>)[column.key];
  if (value === undefined || value === null || value === "") return <span className="text-muted">—</span>;
  switch (column.kind) {
    case "time":
      return typeof value === "string" ? (
        <span className="tabular whitespace-nowrap" title={value}>
          {formatDateTime(value)}
        </span>
      ) : (
        <>{cellText(value)}</>
      );
    case "money":
    case "number":
      // Exact, as Telnyx sent it: per-record rates have more decimals than a currency shows.
      return <span className="tabular">{cellText(value)}</span>;
    case "bool":
      return <>{value === true ? "yes" : value === false ? "no" : cellText(value)}</>;
    case "tags":
      return (
        <span className="flex flex-wrap gap-1">
          {cellText(value)
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => (
              <span key={t} className="rounded bg-border/60 px-1 text-xs">
                {t}
              </span>
            ))}
        </span>
      );
    default:
      return <TruncatedText text={cellText(value)} limit={60} label={column.label} />;
  }
}

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

export function UsageView() {
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
  const [open, setOpen] = useState<number | null>(null);

  const allTags = [...new Set([...(tags.data?.data.number_tags ?? []), ...(tags.data?.data.outbound_profile_tags ?? [])])].sort((a, b) =>
    a.localeCompare(b),
  );
  const exportParams = new URLSearchParams({ record_type: p.type, date_range: p.range, ...(query.tags ? { tags: query.tags } : {}) });

  return (
    <div className="space-y-4">
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
              <span data-testid="usage-total">{formatCount(total)}</span> · cost of loaded:{" "}
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
        ) : list.isPending ? (
          <div className="p-3">
            <LoadingBlock label="usage records" lines={6} />
          </div>
        ) : list.isError && !list.data ? (
          <div className="p-3">
            <ErrorState title="Couldn't load usage records" error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : shown.length === 0 ? (
          <div className="p-3">
            <EmptyState title="No records">
              No {recordTypeLabel(p.type).toLowerCase()} records for {dateRangeLabel(p.range).toLowerCase()}
              {query.tags ? ` tagged “${query.tags}”` : ""}.
            </EmptyState>
          </div>
        ) : (
          <>
            <div className="overflow-x-auto" aria-busy={list.isFetching}>
              <table className="w-full text-left text-sm" data-testid="usage-table">
                <caption className="sr-only">
                  {recordTypeLabel(p.type)} records, {formatCount(shown.length)} loaded of {formatCount(total)}
                </caption>
                <thead className="border-b border-border text-xs text-muted">
                  <tr>
                    {layout.columns.map((c) => (
                      <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${c.kind === "money" || c.kind === "number" ? "text-right" : ""}`}>
                        {c.label}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">Details</span>
                    </th>
                  </tr>
                </thead>
                <tbody className={list.isPlaceholderData ? "opacity-60" : undefined}>
                  {shown.map((r, i) => (
                    <Fragment key={i}>
                      <tr className="border-b border-border align-top last:border-0" data-testid="usage-row">
                        {layout.columns.map((c) => (
                          <td key={c.key} className={`px-3 py-1.5 ${c.kind === "money" || c.kind === "number" ? "text-right" : ""}`}>
                            <Cell column={c} record={r} />
                          </td>
                        ))}
                        <td className="px-3 py-1.5">
                          <Button variant="ghost" size="sm" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
                            {open === i ? "Hide" : "All fields"}
                          </Button>
                        </td>
                      </tr>
                      {open === i ? (
                        <tr className="border-b border-border">
                          <td colSpan={layout.columns.length + 1} className="px-3 py-2">
                            <JsonTree value={r} label={`Record ${i + 1}, all fields`} openDepth={1} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-3 py-2 text-xs">
              {list.isFetchNextPageError ? (
                <ErrorState title="Couldn't load the next page" error={list.error} onRetry={() => void list.fetchNextPage()} />
              ) : list.hasNextPage ? (
                <>
                  <span className="text-muted">Pages of 50 (Telnyx&apos;s limit). Export CSV for everything at once.</span>
                  <Button variant="secondary" size="sm" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                    {list.isFetchingNextPage ? "Loading…" : "Load 50 more"}
                  </Button>
                </>
              ) : (
                <span className="text-muted">All {formatCount(total)} records loaded.</span>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
