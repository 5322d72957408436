"use client";

import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { LoadingBlock } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { PAYMENT_STATE_WORDS, paymentStateOfOutcome } from "@/lib/billing/payment-words";
import { formatDateTime } from "@/lib/format";
import { DECIMAL_PATTERN } from "@/lib/money";
import { actionLogOptions } from "@/lib/query/dashboard-queries";
import { operationQuery } from "@/lib/query/operation-query";

const PAGE_SIZE = 10;


/** Payments made through this dashboard, with who made them (from the dashboard's action log). */
export function RecentPaymentsCard() {
  const query = useQuery(actionLogOptions({ action: "payment.create", page: 1, size: PAGE_SIZE }));
  const balance = useQuery(operationQuery("balance", {}));
  const currency = balance.data?.data.currency ?? "USD";
  return (
    <Card aria-labelledby="recent-payments-title">
      <CardHeader
        title={<span id="recent-payments-title">Recent payments from this dashboard</span>}
        description="Auto-recharges and payments made in the Telnyx portal are not listed."
      />
      {query.isPending ? (
        <LoadingBlock label="recent payments" />
      ) : query.isError ? (
        <ErrorState title="Couldn't load recent payments" error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.data.length === 0 ? (
        <EmptyState title="No payments yet">Funds added here will be listed with who added them.</EmptyState>
      ) : (
        <div>
          <ScrollRegion label="Recent payments">
            <Table density="card" className="table-auto">
              <TableCaption>Payments made through the dashboard, newest first</TableCaption>
              <TableHeader>
                <tr>
                  <TableHead>When, by whom</TableHead>
                  <TableHead align="right">Amount</TableHead>
                  <TableHead>Outcome</TableHead>
                </tr>
              </TableHeader>
              <TableBody>
                {query.data.data.map((entry) => {
                  const amount = typeof entry.params.amount === "string" && DECIMAL_PATTERN.test(entry.params.amount) ? entry.params.amount : null;
                  const outcome = PAYMENT_STATE_WORDS[paymentStateOfOutcome(entry.outcome)];
                  return (
                    <Fragment key={entry.id}>
                      <TableRow className="align-top">
                        <TableCell className="min-w-[8.5rem]">
                          <time dateTime={entry.at} className="block">
                            {formatDateTime(entry.at)}
                          </time>
                          <span className="block max-w-[14rem] truncate text-xs text-muted" title={entry.userEmail ?? undefined}>
                            {entry.userEmail ?? "unknown user"}
                          </span>
                        </TableCell>
                        <TableCell align="right" className="whitespace-nowrap">
                          {amount ? <Money amount={amount} currency={currency} /> : "—"}
                        </TableCell>
                        <TableCell>
                          <Badge tone={outcome.tone} className="whitespace-nowrap" title={outcome.meaning}>
                            {outcome.label}
                          </Badge>
                        </TableCell>
                      </TableRow>
                      {entry.error ? (
                        <tr>
                          <td colSpan={3} className="pb-2 text-xs text-muted">
                            {entry.error}
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollRegion>
          {query.data.meta.total_results > PAGE_SIZE ? (
            <p className="mt-2 text-xs text-muted">
              Showing the latest {PAGE_SIZE} of {query.data.meta.total_results}.
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
