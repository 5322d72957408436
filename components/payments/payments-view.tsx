"use client";

// The Payments view: every top-up in a range of UTC days, with who made it (a dashboard user, auto-
// recharge, or the Telnyx portal), how (where known), the balance step, and where the row was seen;
// labelled with the data's source and freshness, and exportable as CSV (the same rows).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { DayRangeInputs, InvalidDayRange, isDayRange } from "@/components/ui/day-range-inputs";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EmptyState } from "@/components/ui/states";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import type { TopUp, TopUpMeta } from "@/lib/billing/topups";
import { addUtcDays } from "@/lib/history/series";
import { paymentsOptions } from "./queries";

const rangeParams = { from: parseAsString.withDefault(""), to: parseAsString.withDefault("") };

const KIND_LABEL: Record<TopUp["kind"], string> = { dashboard: "Dashboard", auto_recharge: "Auto-recharge", portal: "Telnyx portal" };
const SEEN_LABEL: Record<TopUp["seen_in"], string> = {
  both: "Telnyx audit log and dashboard action log",
  audit_log: "Telnyx audit log",
  action_log: "Dashboard action log only (not in Telnyx's audit log yet)",
};

function SourceNote({ meta }: { meta: TopUpMeta }) {
  const synced = meta.audit_last_sync_at ? `last synced ${formatDateTime(meta.audit_last_sync_at)}` : "never synced";
  const text =
    meta.source === "live"
      ? `Read live from Telnyx's audit log (the ledger's copy is ${synced}).`
      : meta.source === "ledger+live"
        ? `From the ledger's copy of Telnyx's audit log (${synced}), and read live from Telnyx since then.`
        : `From the ledger's copy of Telnyx's audit log (${synced}).`;
  return (
    <p className="text-sm text-muted" data-testid="payments-source">
      {text} People are named from the dashboard&apos;s own action log: Telnyx&apos;s audit log only sees the API key. Generated{" "}
      {formatDateTime(meta.generated_at)}.
    </p>
  );
}

export function PaymentsView({ today }: { today: string }) {
  const [p, setP] = useQueryStates(rangeParams, { history: "push" });
  const to = p.to || addUtcDays(today, 1);
  const from = p.from || addUtcDays(to, -90);
  const valid = isDayRange(from, to);
  const query = useQuery({ ...paymentsOptions(from, to), placeholderData: keepPreviousData, enabled: valid });
  const csvUrl = `/api/payments.csv?${new URLSearchParams({ from, to })}`;
  return (
    <div className="space-y-4" data-testid="payments-view">
      <div className="flex flex-wrap items-end gap-3">
        <DayRangeInputs from={from} to={to} onChange={(c) => void setP(c)} />
        <div className="ml-auto">{valid ? <DownloadLink href={csvUrl}>Export CSV</DownloadLink> : null}</div>
      </div>
      {!valid ? <InvalidDayRange /> : (
        <QueryResult query={query} label="the payments">
          {({ data, meta }) => (
            <div className="space-y-2">
              <SourceNote meta={meta} />
              {meta.warning ? (
                <p role="alert" className="text-sm text-warning">
                  {meta.warning}
                </p>
              ) : null}
              {data.length === 0 ? (
                <EmptyState title="No top-ups in these days">
                  No payment, auto-recharge or portal top-up between {formatDate(from)} and {formatDate(addUtcDays(to, -1))} (UTC).
                </EmptyState>
              ) : (
                <>
                  <p className="text-sm" data-testid="payments-total">
                    {data.length} {data.length === 1 ? "top-up" : "top-ups"}, <Money amount={meta.total} currency={meta.currency} /> in all.
                  </p>
                  <ScrollRegion label="Top-ups" className="rounded-md border border-border">
                    <Table>
                      <TableCaption className="sr-only">Top-ups, oldest first, with who made them</TableCaption>
                      <TableHeader>
                        <TableRow>
                          <TableHead>Time</TableHead>
                          <TableHead align="right">Amount</TableHead>
                          <TableHead>Who</TableHead>
                          <TableHead>Method</TableHead>
                          <TableHead align="right">Balance after</TableHead>
                          <TableHead>Seen in</TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {data.map((t) => (
                          <TableRow key={t.audit_event_id ?? `${t.at}-${t.who}`}>
                            <TableCell className="whitespace-nowrap">
                              <time dateTime={t.at}>{formatDateTime(t.at)}</time>
                            </TableCell>
                            <TableCell align="right">
                              <Money amount={t.amount} currency={t.currency} />
                            </TableCell>
                            <TableCell>
                              <span className="mr-2">{t.who}</span>
                              <Badge tone={t.kind === "dashboard" ? "accent" : t.kind === "auto_recharge" ? "success" : "neutral"}>{KIND_LABEL[t.kind]}</Badge>
                            </TableCell>
                            <TableCell>{t.method ?? <span className="text-muted">Not reported by Telnyx</span>}</TableCell>
                            <TableCell align="right">{t.balance_after ? <Money amount={t.balance_after} currency={t.currency} negativeLabel="owed" /> : "—"}</TableCell>
                            <TableCell className="text-muted">{SEEN_LABEL[t.seen_in]}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </ScrollRegion>
                </>
              )}
            </div>
          )}
        </QueryResult>
      )}
    </div>
  );
}
