"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { PaidBadge } from "@/components/invoices/paid-badge";
import { InvoicePdfLink } from "@/components/invoices/pdf-link";
import { Card, CardHeader } from "@/components/ui/card";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { EmptyState } from "@/components/ui/states";
import { formatDate, formatMonth } from "@/lib/format";
import { LATEST_INVOICES } from "@/lib/invoices/latest";
import { operationQuery } from "@/lib/query/operation-query";


function LatestInvoices() {
  const { data } = useSuspenseQuery(operationQuery("invoices", LATEST_INVOICES));
  if (data.data.length === 0) return <EmptyState title="No invoices yet">The first one comes after the first billing month.</EmptyState>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-border text-sm">
        {data.data.map((invoice) => (
          <li key={invoice.invoice_id} className="flex items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium">{formatMonth(invoice.period_start)}</p>
              <p className="text-xs text-muted">
                {formatDate(invoice.period_start)} – {formatDate(invoice.period_end)}
              </p>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <PaidBadge paid={invoice.paid} />
              <InvoicePdfLink invoice={invoice} compact />
            </div>
          </li>
        ))}
      </ul>
      <AppLink href="/invoices" className="text-xs text-accent underline underline-offset-2">
        All invoices
      </AppLink>
    </div>
  );
}

export function LatestInvoicesCard() {
  return (
    <Card aria-labelledby="latest-invoices-title" data-testid="latest-invoices-card">
      <CardHeader title={<span id="latest-invoices-title">Latest invoices</span>} />
      <QueryBoundary label="the latest invoices">
        <LatestInvoices />
      </QueryBoundary>
    </Card>
  );
}
