"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useQueryStates } from "nuqs";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { controlClass } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import { CopyValue } from "@/components/ui/copy-value";
import { QueryResult } from "@/components/ui/query-result";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { apiFetch } from "@/lib/api/fetcher";
import { LAST_MONTHS_COUNT } from "@/lib/invoices/selection";
import Link from "next/link";
import { formatCount, formatDate, formatMonth } from "@/lib/format";
import { invoiceSearchParams, PAID_STATES, type InvoiceSearchResponse } from "@/lib/invoices/filters";
import { invoiceSearchOptions } from "@/lib/query/dashboard-queries";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { BulkDownloadBar } from "./bulk-download-bar";
import { PaidBadge, UNPAID_MEANING } from "./paid-badge";
import { Badge } from "@/components/ui/badge";
import { InvoicePdfLink } from "./pdf-link";

const selectClass = cn(controlClass, "h-10 min-w-36");

function InvoiceId({ id }: { id: string }) {
  return (
    <CopyValue value={id} label="invoice ID">
      <code className="text-xs" title={id}>
        {id.slice(0, 8)}…
      </code>
    </CopyValue>
  );
}

function InvoicesTable({
  result,
  selected,
  onToggle,
  onTogglePage,
}: {
  result: InvoiceSearchResponse;
  selected: Set<string>;
  onToggle: (invoice: Invoice) => void;
  onTogglePage: (invoices: Invoice[], select: boolean) => void;
}) {
  const all = result.data.length > 0 && result.data.every((i) => selected.has(i.invoice_id));
  return (
    <ScrollRegion label="Invoices table (scrolls sideways)">
      <table className="w-full text-sm" aria-label="Invoices" data-testid="invoices-table">
        <thead>
          <tr className="text-muted">
            <th scope="col" className="w-10 px-2 py-2 text-left">
              <input
                type="checkbox"
                className="h-4 w-4 accent-[var(--accent)]"
                checked={all}
                onChange={(e) => onTogglePage(result.data, e.target.checked)}
                aria-label="Select all invoices on this page"
              />
            </th>
            <th scope="col" className="px-2 py-2 text-left font-medium">
              Period
            </th>
            <th scope="col" className="px-2 py-2 text-left font-medium">
              Status
            </th>
            {/* On a phone the id moves under the period, so the download button stays on screen. */}
            <th scope="col" className="hidden px-2 py-2 text-left font-medium sm:table-cell">
              Invoice ID
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              Download
            </th>
          </tr>
        </thead>
        <tbody>
          {result.data.map((invoice) => (
            <tr key={invoice.invoice_id} data-invoice-id={invoice.invoice_id} data-period={invoice.period_start} className="border-t border-border">
              <td className="px-2 py-2">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-[var(--accent)]"
                  checked={selected.has(invoice.invoice_id)}
                  onChange={() => onToggle(invoice)}
                  aria-label={`Select the ${formatMonth(invoice.period_start)} invoice`}
                />
              </td>
              <th scope="row" className="px-2 py-2 text-left font-normal">
                <span className="font-medium">{formatMonth(invoice.period_start)}</span>{" "}
                <Link
                  href={`/charges?month=${invoice.period_start.slice(0, 7)}`}
                  className="whitespace-nowrap text-xs text-accent underline-offset-2 hover:underline"
                  aria-label={`Charges of ${formatMonth(invoice.period_start)}`}
                >
                  Charges
                </Link>
                <span className="block text-xs text-muted">
                  {formatDate(invoice.period_start)} – {formatDate(invoice.period_end)}
                </span>
                <span className="block sm:hidden">
                  <InvoiceId id={invoice.invoice_id} />
                </span>
              </th>
              <td className="px-2 py-2">
                <PaidBadge paid={invoice.paid} />
                {result.archived?.includes(invoice.invoice_id) ? (
                  <Badge className="ml-1" title="The PDF is kept in the dashboard's ledger">
                    Archived
                  </Badge>
                ) : null}
              </td>
              <td className="hidden px-2 py-2 sm:table-cell">
                <InvoiceId id={invoice.invoice_id} />
              </td>
              <td className="px-2 py-2 text-right">
                <InvoicePdfLink invoice={invoice} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function InvoicesView() {
  const [params, setParams] = useQueryStates(invoiceSearchParams, { history: "push" });
  const query = useQuery({ ...invoiceSearchOptions(params), placeholderData: keepPreviousData });
  // The selection survives paging and filtering, so invoices from several pages can go in one zip.
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const id = useId();
  const filtered = params.year !== null || params.paid !== null;
  const years = query.data?.years ?? (params.year ? [params.year] : []);

  const [selectingLatest, setSelectingLatest] = useState(false);
  const [latestError, setLatestError] = useState<string | null>(null);
  const selectLatest = async () => {
    setSelectingLatest(true);
    setLatestError(null);
    try {
      const latest = await apiFetch<InvoiceSearchResponse>(`/api/invoices/search?page=1&size=${LAST_MONTHS_COUNT}`);
      setSelected(new Set(latest.data.map((i) => i.invoice_id)));
    } catch (error) {
      setLatestError(error instanceof Error ? error.message : "The invoices could not be listed.");
    } finally {
      setSelectingLatest(false);
    }
  };

  const toggle = (invoice: Invoice) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(invoice.invoice_id)) next.add(invoice.invoice_id);
      return next;
    });
  const togglePage = (invoices: Invoice[], select: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const i of invoices) {
        if (select) next.add(i.invoice_id);
        else next.delete(i.invoice_id);
      }
      return next;
    });

  return (
    <div className="space-y-4">
      <form role="search" aria-label="Filter invoices" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-year`} className="text-xs font-medium text-muted">
            Year
          </label>
          <select
            id={`${id}-year`}
            className={selectClass}
            value={params.year ?? ""}
            onChange={(e) => void setParams({ year: e.target.value ? Number(e.target.value) : null, page: null })}
          >
            <option value="">All years</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-paid`} className="text-xs font-medium text-muted">
            Status
          </label>
          <select
            id={`${id}-paid`}
            className={selectClass}
            value={params.paid ?? ""}
            onChange={(e) => void setParams({ paid: (PAID_STATES as readonly string[]).includes(e.target.value) ? (e.target.value as (typeof PAID_STATES)[number]) : null, page: null })}
          >
            <option value="">Paid and unpaid</option>
            <option value="paid">Paid</option>
            <option value="unpaid">Unpaid</option>
          </select>
        </div>
        {filtered ? (
          <Button variant="ghost" onClick={() => void setParams({ year: null, paid: null, page: null })}>
            Clear filters
          </Button>
        ) : null}
      </form>

      <BulkDownloadBar
        selectedIds={[...selected]}
        shownIds={query.data?.data.map((i) => i.invoice_id) ?? []}
        onSelectLatest={() => void selectLatest()}
        selectingLatest={selectingLatest}
        year={params.year}
        yearCount={params.year && !params.paid ? (query.data?.meta.total_results ?? null) : null}
        onClearSelection={() => setSelected(new Set())}
      />

      {latestError ? <ErrorState title="Couldn't select the latest invoices" error={new Error(latestError)} onRetry={() => void selectLatest()} /> : null}
      <p className="text-xs text-muted" data-testid="unpaid-meaning">
        {UNPAID_MEANING}
      </p>

      <Card aria-labelledby="invoices-list-title" data-testid="invoices-card">
        <CardHeader title={<span id="invoices-list-title">{listTitle(params)}</span>} />
        <QueryResult query={query} label="the invoices" lines={6}>
          {(result) =>
            result.meta.total_results === 0 ? (
              filtered ? (
                <EmptyState
                  title="No invoices match these filters"
                  action={
                    <Button variant="secondary" size="sm" onClick={() => void setParams({ year: null, paid: null, page: null })}>
                      Clear filters
                    </Button>
                  }
                />
              ) : (
                <EmptyState title="No invoices yet">The first invoice comes after the first billing month.</EmptyState>
              )
            ) : (
              <div className="space-y-3">
                <InvoicesTable result={result} selected={selected} onToggle={toggle} onTogglePage={togglePage} />
                <nav aria-label="Invoice pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <p aria-live="polite" data-testid="invoices-page-status">
                    Page {result.meta.page_number} of {result.meta.total_pages} · {formatCount(result.meta.total_results)} invoices
                  </p>
                  <div className="flex gap-2">
                    <Button
                      variant="secondary"
                      size="sm"
                      disabled={result.meta.page_number <= 1}
                      onClick={() => void setParams({ page: result.meta.page_number - 1 === 1 ? null : result.meta.page_number - 1 })}
                    >
                      <ChevronLeft aria-hidden className="h-4 w-4" />
                      Previous
                    </Button>
                    <Button
                      variant="secondary"
                      size="sm"
                      disabled={result.meta.page_number >= result.meta.total_pages}
                      onClick={() => void setParams({ page: result.meta.page_number + 1 })}
                    >
                      Next
                      <ChevronRight aria-hidden className="h-4 w-4" />
                    </Button>
                  </div>
                </nav>
              </div>
            )
          }
        </QueryResult>
      </Card>
    </div>
  );
}

function listTitle({ year, paid }: { year: number | null; paid: string | null }): string {
  const what = paid === "paid" ? "Paid invoices" : paid === "unpaid" ? "Unpaid invoices" : "All invoices";
  return year ? `${what}, ${year}` : what;
}
