"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download, Search } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { useDeferredValue, useId, useMemo } from "react";
import { chargeTypeLabel } from "@/components/charts/charge-type-label";
import { LazyChargeTypeChart } from "@/components/charts/lazy";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { controlClass } from "@/components/ui/control-styles";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { EmptyState } from "@/components/ui/states";
import {
  breakdownRows,
  breakdownTotal,
  costByChargeType,
  visibleBreakdown,
  type BreakdownSort,
} from "@/lib/charges/breakdown";
import { chargesSearchParams } from "@/lib/charges/period";
import { formatCount } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";
import type { ChargesBreakdown, ChargesRange } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";
import { BreakdownTable } from "./breakdown-table/table";
import { periodLabel, rangeQueryString } from "./period";

const breakdownParams = {
  q: chargesSearchParams.q.withOptions({ limitUrlUpdates: debounce(300) }),
  sort: chargesSearchParams.sort,
};

function Breakdown({ breakdown, q, sort, onSort, onClear }: { breakdown: ChargesBreakdown; q: string; sort: BreakdownSort; onSort: (s: BreakdownSort) => void; onClear: () => void }) {
  const rows = useMemo(() => breakdownRows(breakdown), [breakdown]);
  const costs = useMemo(() => costByChargeType(rows), [rows]);
  const total = useMemo(() => breakdownTotal(rows), [rows]);
  // Filtering 10,000 rows stays off the typing path.
  const deferredQ = useDeferredValue(q);
  const visible = useMemo(() => visibleBreakdown(rows, deferredQ, sort), [rows, deferredQ, sort]);
  const visibleTotal = useMemo(() => breakdownTotal(visible), [visible]);
  const c = breakdown.currency;

  if (rows.length === 0) return <EmptyState title="No numbers were billed in this period" />;
  return (
    <div className="space-y-4">
      <section aria-labelledby="by-type-title">
        <h3 id="by-type-title" className="mb-1 text-sm font-medium">
          Cost by charge type
        </h3>
        <LazyChargeTypeChart costs={costs} currency={c} />
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
          {costs.map((t) => (
            <li key={t.charge_type} data-charge-type={t.charge_type} data-cost={t.cost}>
              {chargeTypeLabel(t.charge_type)}: {formatCount(t.numbers)} numbers, <Money amount={t.cost} currency={c} />
            </li>
          ))}
        </ul>
      </section>
      <p className="text-sm" aria-live="polite" data-testid="breakdown-count" data-count={visible.length}>
        {visible.length === rows.length ? (
          <>
            {formatCount(rows.length)} numbers, <Money amount={total} currency={c} /> in all
          </>
        ) : (
          <>
            {formatCount(visible.length)} of {formatCount(rows.length)} numbers match, <Money amount={visibleTotal} currency={c} />
          </>
        )}
      </p>
      {visible.length === 0 ? (
        <EmptyState
          title={`No numbers match “${deferredQ}”`}
          action={
            <Button variant="secondary" size="sm" onClick={onClear}>
              Clear search
            </Button>
          }
        />
      ) : (
        <BreakdownTable rows={visible} currency={c} sort={sort} onSort={onSort} label={`Charges by number, ${periodLabel(breakdown)}`} />
      )}
    </div>
  );
}

export function BreakdownCard({ range }: { range: ChargesRange }) {
  const query = useQuery({ ...operationQuery("chargesBreakdown", range), placeholderData: keepPreviousData });
  const [{ q, sort }, setParams] = useQueryStates(breakdownParams);
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
            breakdown={data.data}
            q={q}
            sort={sort}
            onSort={(s) => void setParams({ sort: s })}
            onClear={() => void setParams({ q: null })}
          />
        )}
      </QueryResult>
    </Card>
  );
}
