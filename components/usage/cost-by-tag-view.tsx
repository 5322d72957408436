"use client";

// "Cost by tag": usage cost per user tag over a range of UTC days, from the ledger's rollups
// (GET /api/costs/by-tag). Untagged records are their own row; a record with several tags counts
// under each, so the tags' totals may exceed the grand total, and the view says so.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { costByTagOptions } from "@/components/close/queries";
import { DayRangeInputs, InvalidDayRange, isDayRange } from "@/components/ui/day-range-inputs";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EmptyState } from "@/components/ui/states";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatDateTime } from "@/lib/format";
import { addUtcDays } from "@/lib/history/series";
import { costByTagSearchParams } from "./search-params";

export function CostByTagView({ today }: { today: string }) {
  const [p, setP] = useQueryStates(costByTagSearchParams, { history: "push" });
  const to = p.to || addUtcDays(today, 1);
  const from = p.from || addUtcDays(to, -30);
  const valid = isDayRange(from, to);
  const query = useQuery({ ...costByTagOptions(from, to), placeholderData: keepPreviousData, enabled: valid });
  return (
    <div className="space-y-4" data-testid="cost-by-tag">
      <p className="text-sm text-muted">From the dashboard&apos;s ledger: the usage rollups per user tag, UTC days. The first day is included, the last is not.</p>
      <div className="flex flex-wrap items-end gap-3">
        <DayRangeInputs from={from} to={to} onChange={(c) => void setP(c)} />
      </div>
      {!valid ? <InvalidDayRange /> : (
        <QueryResult query={query} label="the cost by tag">
          {({ data, meta }) =>
            data.length === 0 ? (
              <EmptyState title="No usage kept for these days">The ledger&apos;s usage rollups start with the first sync.</EmptyState>
            ) : (
              <div className="space-y-2">
                <p className="text-sm" data-testid="cost-by-tag-note">
                  {meta.note} Usage grand total (each record once):{" "}
                  {meta.grand_total.map((g) => (
                    <Money key={g.currency} amount={g.cost} currency={g.currency} />
                  ))}
                  ; the tags&apos; totals add up to{" "}
                  {meta.tags_total.map((g) => (
                    <Money key={g.currency} amount={g.cost} currency={g.currency} />
                  ))}
                  .{meta.last_sync_at ? <span className="text-muted"> Usage last synced {formatDateTime(meta.last_sync_at)}.</span> : null}
                </p>
                <ScrollRegion label="Cost by tag" className="rounded-md border border-border">
                  <Table>
                    <TableCaption className="sr-only">Usage cost per user tag, most expensive first, untagged last</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Tag</TableHead>
                        <TableHead align="right">Records</TableHead>
                        <TableHead align="right">Cost</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {data.map((t) => (
                        <TableRow key={`${t.tag ?? ""}-${t.currency}`}>
                          <TableCell className={t.tag === null ? "italic text-muted" : undefined}>{t.label}</TableCell>
                          <TableCell align="right">{formatCount(t.count)}</TableCell>
                          <TableCell align="right">
                            <Money amount={t.cost} currency={t.currency} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </ScrollRegion>
              </div>
            )
          }
        </QueryResult>
      )}
    </div>
  );
}
