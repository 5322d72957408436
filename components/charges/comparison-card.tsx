"use client";

import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Money } from "@/components/ui/money";
import { LoadingBlock } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/ui/states";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { formatDecimal } from "@/lib/format";
import { compareSummaries, PERCENT_NOTE_WORDS, type ComparisonRow } from "@/lib/charges/compare";
import { previousRange } from "@/lib/charges/months";
import { operationQuery } from "@/lib/query/operation-query";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";
import { periodLabel } from "./period";

function Change({ row, currency }: { row: ComparisonRow; currency: string }) {
  const sign = row.change.startsWith("-") ? -1 : /^0(\.0+)?$/.test(row.change) ? 0 : 1;
  // A change in cost is neither good nor bad by itself: it is shown with an arrow and words, not colour alone.
  return (
    <span className="inline-flex items-center gap-1">
      {sign > 0 ? <ArrowUp aria-hidden className="h-3.5 w-3.5 text-warning" /> : sign < 0 ? <ArrowDown aria-hidden className="h-3.5 w-3.5 text-success" /> : null}
      <span className="sr-only">{sign > 0 ? "up" : sign < 0 ? "down" : "no change"}</span>
      <Money amount={row.change.replace(/^-/, "")} currency={currency} />
    </span>
  );
}

function Percent({ row }: { row: ComparisonRow }) {
  if (row.percent === null) {
    const note = PERCENT_NOTE_WORDS[row.percentNote ?? "both_zero"];
    return (
      <abbr title={note.meaning} className="no-underline" data-testid="percent-note">
        {note.text}
        <span className="sr-only"> ({note.meaning})</span>
      </abbr>
    );
  }
  const n = Number(row.percent);
  return <>{`${n > 0 ? "+" : ""}${formatDecimal(n, 1)} %`}</>;
}

export function ComparisonCard({ range }: { range: ChargesRange }) {
  const previous = previousRange(range);
  const [cur, prev] = useQueries({
    queries: [
      { ...operationQuery("chargesSummary", range), placeholderData: keepPreviousData },
      { ...operationQuery("chargesSummary", previous), placeholderData: keepPreviousData },
    ],
  });
  const failed = [cur, prev].find((q) => q.isError && !q.isFetching);
  return (
    <Card aria-labelledby="comparison-title" data-testid="comparison-card">
      <CardHeader
        title={<span id="comparison-title">Compared with the period before</span>}
        description={`${periodLabel(range)} against ${periodLabel(previous)}`}
      />
      {failed ? (
        <ErrorState
          title="Couldn't load the comparison"
          error={failed.error}
          onRetry={() => {
            void cur.refetch();
            void prev.refetch();
          }}
        />
      ) : !cur.data || !prev.data ? (
        <LoadingBlock label="the comparison" lines={5} />
      ) : (
        <ScrollRegion
          label="Comparison table (scrolls sideways)"
          className={cn((cur.isPlaceholderData || prev.isPlaceholderData) && "opacity-60")}
          aria-busy={cur.isPlaceholderData || prev.isPlaceholderData}
        >
          <Table density="card" className="min-w-[36rem]" aria-label={`Charges of ${periodLabel(range)} compared with ${periodLabel(previous)}`}>
            <TableHeader>
              <tr>
                <TableHead>Line</TableHead>
                <TableHead align="right">{periodLabel(previous)}</TableHead>
                <TableHead align="right">{periodLabel(range)}</TableHead>
                <TableHead align="right">Change</TableHead>
                <TableHead align="right">%</TableHead>
              </tr>
            </TableHeader>
            <TableBody>
              {compareSummaries(cur.data.data.summary, prev.data.data.summary).map((row) => (
                <TableRow key={row.key} total={row.key === "total"} data-key={row.key} data-change={row.change}>
                  <TableRowHead>{row.name}</TableRowHead>
                  <TableCell numeric>
                    <Money amount={row.previous} currency={cur.data.data.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={row.current} currency={cur.data.data.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Change row={row} currency={cur.data.data.currency} />
                  </TableCell>
                  <TableCell numeric>
                    <Percent row={row} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}
