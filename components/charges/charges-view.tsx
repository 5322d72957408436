"use client";

import { useQueryStates } from "nuqs";
import { lazy, Suspense } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { LinkButton } from "@/components/ui/link-button";
import { Card } from "@/components/ui/card";
import { LoadingBlock } from "@/components/ui/skeleton";
import type { BreakdownFirstScreen } from "@/lib/charges/breakdown-view";
import { monthOf, type MonthKey } from "@/lib/charges/months";
import { CLOSING_DAYS, chargesSearchParams, defaultMonth, lastClosedMonth, selectedPeriod } from "@/lib/charges/period";
import { formatMonth } from "@/lib/format";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";
import { ComparisonCard } from "./comparison-card";
import { MonthlyChargesCard } from "./monthly-charges-card";
import { PeriodPicker } from "./period-picker";
import { SummaryCard } from "./summary-card";
import { periodLabel } from "./period";

// The per-number breakdown (the virtual table, search and sorting) is server-rendered with the page
// but its code is not part of the page's first JS: React.lazy leaves the server's HTML in place and
// hydrates it when the chunk arrives (selective hydration). Parsed from HTML, its few hundred
// elements cost a phone far less than inserting them from script after hydration. The chunk is
// asked for as this module loads; once here, the lazy component resolves at once.
type BreakdownModule = typeof import("./breakdown-card");
let breakdownModule: BreakdownModule | undefined;
const loadBreakdownCard = () => import("./breakdown-card").then((m) => (breakdownModule = m));
void loadBreakdownCard();
const BreakdownCard = lazy(() => {
  const loaded = breakdownModule;
  // A thenable that answers synchronously: React renders (or hydrates) the card without suspending.
  if (loaded) return { then: (resolve: (m: { default: BreakdownModule["BreakdownCard"] }) => void) => resolve({ default: loaded.BreakdownCard }) } as never;
  return loadBreakdownCard().then((m) => ({ default: m.BreakdownCard }));
});

// The period lives in the URL (?month=2025-05, or ?start=&end=), so "May 2025 charges" can be
// bookmarked and shared; changing it adds a history entry so Back returns to the previous period.
const periodParams = { month: chargesSearchParams.month, start: chargesSearchParams.start, end: chargesSearchParams.end };

/**
 * `firstScreen`: the breakdown's first rows in the URL's period, search and order, streamed by the
 * page (null when the period is invalid, or the read failed: the table then asks for its rows).
 */
export function ChargesView({ now: nowIso, firstScreen }: { now: string; firstScreen: Promise<BreakdownFirstScreen | null> | null }) {
  const now = new Date(nowIso);
  const [state, setState] = useQueryStates(periodParams, { history: "push" });
  const period = selectedPeriod(state, now);
  // The default month (defaultMonth) needs no URL parameter; any other month is in the URL.
  const selectMonth = (month: MonthKey) => void setState({ month: month === defaultMonth(now) ? null : month, start: null, end: null });
  const closed = lastClosedMonth(now);
  const current = monthOf(now);
  const shown = period.kind === "month" ? period.month : null;
  const selectRange = (range: ChargesRange) => void setState({ month: null, start: range.start_date, end: range.end_date });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PeriodPicker period={period} now={now} onMonth={selectMonth} onRange={selectRange} />
        {period.kind !== "invalid" ? (
          <p className="text-sm text-muted" aria-live="polite" data-testid="selected-period">
            Showing <strong className="text-fg">{periodLabel(period.range)}</strong>
            {shown === current ? " (so far)" : shown === closed ? " (the last closed month)" : ""}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Quick periods">
        <Button variant="secondary" size="sm" aria-pressed={shown === closed} onClick={() => selectMonth(closed)}>
          Last closed month ({formatMonth(closed)})
        </Button>
        <Button variant="secondary" size="sm" aria-pressed={shown === current} onClick={() => selectMonth(current)}>
          {formatMonth(current)} so far
        </Button>
        <span className="text-xs text-muted" data-testid="default-month-rule">
          On days 1–{CLOSING_DAYS} of a month (UTC) this page opens on the last closed month; after that, on the current month so far.
        </span>
      </div>
      <MonthlyChargesCard selectedMonth={period.kind === "month" ? period.month : null} onSelectMonth={selectMonth} />
      {period.kind === "invalid" ? (
        <ErrorState
          title="This date range can't be shown"
          error={new Error(`${period.start} to ${period.end}: ${period.problems.join("; ")}.`)}
        />
      ) : (
        <>
          <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <SummaryCard range={period.range} />
            <ComparisonCard range={period.range} />
          </div>
          <Suspense
            fallback={
              <Card>
                <LoadingBlock label="the charges by number" lines={8} />
              </Card>
            }
          >
            <BreakdownCard range={period.range} firstScreen={firstScreen} />
          </Suspense>
        </>
      )}
      {period.kind === "invalid" ? <LinkButton href="/charges">Show this month</LinkButton> : null}
    </div>
  );
}
