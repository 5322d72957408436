"use client";

import { Download, Search } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { Suspense, use, useId } from "react";
import { chargeTypeLabel } from "@/components/charts/charge-type-label";
import { ChargeTypeChart } from "@/components/charts/charge-type-chart";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { controlClass } from "@/components/ui/control-styles";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState } from "@/components/ui/states";
import type { BreakdownSort } from "@/lib/charges/breakdown";
import type { BreakdownFirstScreen, BreakdownView } from "@/lib/charges/breakdown-view";
import { chargesSearchParams } from "@/lib/charges/period";
import { formatCount } from "@/lib/format";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";
import { BreakdownTable } from "./breakdown-table/table";
import { periodLabel, rangeQueryString } from "./period";
import { useBreakdownRows } from "./use-breakdown-rows";

const breakdownParams = {
  q: chargesSearchParams.q.withOptions({ limitUrlUpdates: debounce(300) }),
  sort: chargesSearchParams.sort,
};

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
        <BreakdownTable rows={visible} currency={c} sort={sort} onSort={onSort} label={`Charges by number, ${periodLabel(view)}`} />
      )}
    </div>
  );
}

/** The rows part: waits (suspended) for the page's streamed first screen, if any, then shows the rows. */
function BreakdownRows({
  range,
  q,
  sort,
  firstScreen,
  onSort,
  onClear,
}: {
  range: ChargesRange;
  q: string;
  sort: BreakdownSort;
  firstScreen: Promise<BreakdownFirstScreen | null> | null;
  onSort: (s: BreakdownSort) => void;
  onClear: () => void;
}) {
  const initial = firstScreen ? use(firstScreen) : null;
  const { query, view } = useBreakdownRows(range, q, sort, initial);
  return (
    <QueryResult query={query} label="the charges by number" lines={8}>
      {(data) => <Breakdown view={view ?? data.data} onSort={onSort} onClear={onClear} />}
    </QueryResult>
  );
}

export function BreakdownCard({ range, firstScreen }: { range: ChargesRange; firstScreen: Promise<BreakdownFirstScreen | null> | null }) {
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
      <Suspense fallback={<LoadingBlock label="the charges by number" lines={8} />}>
        <BreakdownRows
          range={range}
          q={q}
          sort={sort}
          firstScreen={firstScreen}
          onSort={(s) => void setParams({ sort: s })}
          onClear={() => void setParams({ q: null })}
        />
      </Suspense>
    </Card>
  );
}
