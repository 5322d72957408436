"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown, Download, Search } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { useId, useRef } from "react";
import { chargeTypeLabel } from "@/components/charts/charge-type-label";
import { ChargeTypeChart } from "@/components/charts/charge-type-chart";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { controlClass } from "@/components/ui/control-styles";
import { CopyValue } from "@/components/ui/copy-value";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { EmptyState } from "@/components/ui/states";
import type { BreakdownRow, BreakdownSort } from "@/lib/charges/breakdown";
import type { BreakdownView } from "@/lib/charges/breakdown-view";
import { chargesSearchParams } from "@/lib/charges/period";
import { formatCount } from "@/lib/format";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";
import { periodLabel, rangeQueryString } from "./period";
import { useBreakdownRows } from "./use-breakdown-rows";

const ROW_HEIGHT = 41;
const breakdownParams = {
  q: chargesSearchParams.q.withOptions({ limitUrlUpdates: debounce(300) }),
  sort: chargesSearchParams.sort,
};

type SortField = "tn" | "charge_type" | "owner" | "cost";
const COLUMNS: { field: SortField | null; label: string; className: string }[] = [
  { field: "tn", label: "Number", className: "w-[11rem] text-left" },
  { field: "charge_type", label: "Charge type", className: "w-[8rem] text-left" },
  { field: "owner", label: "Owner", className: "w-[14rem] text-left" },
  { field: null, label: "Services", className: "text-left" },
  { field: "cost", label: "Cost", className: "w-[8rem] text-right" },
];

function SortHeader({ field, label, className, sort, onSort }: { field: SortField | null; label: string; className: string; sort: BreakdownSort; onSort: (s: BreakdownSort) => void }) {
  if (!field)
    return (
      <th scope="col" className={cn("px-2 py-2 font-medium text-muted", className)}>
        {label}
      </th>
    );
  const active = sort === field || sort === `-${field}`;
  const desc = sort.startsWith("-");
  const Icon = !active ? ArrowUpDown : desc ? ArrowDown : ArrowUp;
  // First click sorts cost from the highest, text from A.
  const next = (active ? (desc ? field : `-${field}`) : field === "cost" ? `-${field}` : field) as BreakdownSort;
  return (
    <th scope="col" aria-sort={active ? (desc ? "descending" : "ascending") : "none"} className={cn("px-1 py-1 font-medium text-muted", className)}>
      <button
        type="button"
        onClick={() => onSort(next)}
        className={cn("inline-flex items-center gap-1 rounded px-1 py-1 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent", active && "text-fg")}
      >
        {label}
        <Icon aria-hidden className="h-3.5 w-3.5" />
      </button>
    </th>
  );
}

function VirtualTable({ rows, currency, sort, onSort, label }: { rows: BreakdownRow[]; currency: string; sort: BreakdownSort; onSort: (s: BreakdownSort) => void; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler can't memoize; this project doesn't use
  // the compiler, so the rule's "compilation skipped" is informational here.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    initialRect: { width: 800, height: 512 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <ScrollRegion ref={scrollRef} label={`${label} (scrolls)`} className="max-h-[32rem] overflow-auto rounded-md border border-border">
      <table className="w-full min-w-[52rem] table-fixed text-sm" aria-label={label} aria-rowcount={rows.length + 1} data-testid="breakdown-table">
        <thead className="sticky top-0 z-10 bg-surface shadow-[0_1px_0_var(--border)]">
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <SortHeader key={c.label} {...c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const r = rows[item.index]!;
            return (
              <tr key={r.tn} aria-rowindex={item.index + 2} data-tn={r.tn} data-cost={r.cost} style={{ height: ROW_HEIGHT }} className="border-t border-border">
                <th scope="row" className="px-2 text-left font-normal">
                  <CopyValue value={r.tn} label="number" />
                </th>
                <td className="px-2">{chargeTypeLabel(r.charge_type)}</td>
                <td className="px-2">
                  <div className="truncate" title={r.owner_email}>
                    {r.owner_email}
                  </div>
                </td>
                <td className="px-2">
                  <div className="truncate text-muted" title={r.services}>
                    {r.services}
                  </div>
                </td>
                <td className="px-2 text-right">
                  <CopyValue value={r.cost} label={`cost of ${r.tn}`} className="justify-end">
                    <Money amount={r.cost} currency={currency} />
                  </CopyValue>
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Breakdown({ view, onSort, onClear }: { view: BreakdownView; onSort: (s: BreakdownSort) => void; onClear: () => void }) {
  const { costs, total, rows: visible, matched, matched_total: visibleTotal, numbers, q: deferredQ, sort } = view;
  const c = view.currency;

  if (numbers === 0) return <EmptyState title="No numbers were billed in this period" />;
  return (
    <div className="space-y-4">
      <section aria-labelledby="by-type-title">
        <h3 id="by-type-title" className="mb-1 text-sm font-medium">
          Cost by charge type
        </h3>
        <ChargeTypeChart costs={costs} currency={c} />
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
          {costs.map((t) => (
            <li key={t.charge_type} data-charge-type={t.charge_type} data-cost={t.cost}>
              {chargeTypeLabel(t.charge_type)}: {formatCount(t.numbers)} numbers, <Money amount={t.cost} currency={c} />
            </li>
          ))}
        </ul>
      </section>
      <p className="text-sm" aria-live="polite" data-testid="breakdown-count" data-count={matched}>
        {matched === numbers ? (
          <>
            {formatCount(numbers)} numbers, <Money amount={total} currency={c} /> in all
          </>
        ) : (
          <>
            {formatCount(matched)} of {formatCount(numbers)} numbers match, <Money amount={visibleTotal} currency={c} />
          </>
        )}
      </p>
      {matched === 0 ? (
        <EmptyState
          title={`No numbers match “${deferredQ}”`}
          action={
            <Button variant="secondary" size="sm" onClick={onClear}>
              Clear search
            </Button>
          }
        />
      ) : (
        <VirtualTable rows={visible} currency={c} sort={sort} onSort={onSort} label={`Charges by number, ${periodLabel(view)}`} />
      )}
    </div>
  );
}

export function BreakdownCard({ range }: { range: ChargesRange }) {
  const [{ q, sort }, setParams] = useQueryStates(breakdownParams);
  const { query, view } = useBreakdownRows(range, q, sort);
  const id = useId();
  const csvQuery = new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(rangeQueryString(range))), ...(q.trim() ? { q: q.trim() } : {}), sort });
  return (
    <Card aria-labelledby="breakdown-title" data-testid="breakdown-card">
      <CardHeader
        title={<span id="breakdown-title">By number, {periodLabel(range)}</span>}
        description="Recurring charges of each phone number (usage is in the summary)."
        actions={
          <DownloadLink href={`/api/charges/breakdown.csv?${csvQuery}`} aria-label="Export the numbers as CSV">
            <Download aria-hidden className="h-4 w-4" />
            Export CSV
          </DownloadLink>
        }
      />
      <div className="mb-3 flex items-center gap-2">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search numbers
        </label>
        <div className="relative w-full max-w-sm">
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" />
          <input
            id={`${id}-search`}
            type="search"
            value={q}
            onChange={(e) => void setParams({ q: e.target.value })}
            placeholder="Search number, owner, type, service"
            className={cn(controlClass, "h-10 w-full pl-8 pr-3 placeholder:text-muted")}
          />
        </div>
      </div>
      <QueryResult query={query} label="the charges by number" lines={8}>
        {(data) => (
          <Breakdown
            view={view ?? data.data}
            onSort={(s) => void setParams({ sort: s })}
            onClear={() => void setParams({ q: null })}
          />
        )}
      </QueryResult>
    </Card>
  );
}
