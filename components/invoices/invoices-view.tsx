"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { controlClass } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import { QueryResult } from "@/components/ui/query-result";
import { ErrorState } from "@/components/ui/states";
import { apiFetch } from "@/lib/api/fetcher";
import { LAST_MONTHS_COUNT } from "@/lib/invoices/selection";
import { invoiceSearchParams, PAID_STATES, type InvoiceSearchResponse } from "@/lib/invoices/filters";
import { invoiceSearchOptions } from "@/lib/query/dashboard-queries";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { BulkDownloadBar } from "./bulk-download-bar";
import { InvoicesEmpty } from "./invoices-table/empty";
import { InvoicesFooter } from "./invoices-table/footer";
import { InvoicesTable } from "./invoices-table/table";
import { UNPAID_MEANING } from "./paid-badge";

const selectClass = cn(controlClass, "h-10 min-w-36");

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
              <InvoicesEmpty filtered={filtered} onClearFilters={() => void setParams({ year: null, paid: null, page: null })} />
            ) : (
              <div className="space-y-3">
                <InvoicesTable result={result} selected={selected} onToggle={toggle} onTogglePage={togglePage} />
                <InvoicesFooter meta={result.meta} onPage={(page) => void setParams({ page: page === 1 ? null : page })} />
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
