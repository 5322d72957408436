"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { CommitTextInput } from "@/components/ui/commit-text-input";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { PagedListState } from "@/components/ui/paged-list-state";
import { Pager } from "@/components/ui/pager";
import { formatCount, formatDateTime } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";
import { DELIVERY_STATUSES } from "@/lib/telnyx/contract";
import { rememberListUrl } from "./back-to-list";
import { DeliveriesTable } from "./deliveries-table/table";
import { EventTypePicker } from "./event-type-picker";
import { deliveriesQuery, hasDeliveryFilters, webhookSearchParams } from "./search-params";

/** The list's period in the same words as the health window above ("Started May 1, … – May 8, …"). */
export function periodWords(from: string | null, to: string | null): string {
  if (from && to) return `Started ${formatDateTime(from)} – ${formatDateTime(to)}`;
  if (from) return `Started after ${formatDateTime(from)}`;
  if (to) return `Started before ${formatDateTime(to)}`;
  return "Any time Telnyx still lists (no period set)";
}

export function DeliveriesList() {
  const [p, setP] = useQueryStates(webhookSearchParams, { history: "push" });
  const input = deliveriesQuery(p);
  const q = useQuery({ ...operationQuery("webhookDeliveries", input), placeholderData: keepPreviousData });
  const meta = q.data?.meta;
  const seenTypes = [...new Set((q.data?.data ?? []).map((d) => d.webhook?.event_type).filter((t): t is string => !!t))];
  const filtered = hasDeliveryFilters(p);
  const set = (patch: Partial<typeof p>) => void setP({ ...patch, page: 1 });
  const clearFilters = () => void setP({ status: null, types: [], from: null, to: null, webhook: "", attempts: "", page: 1 });
  const inputKey = JSON.stringify(input);
  useEffect(() => rememberListUrl(window.location.search), [inputKey]);

  return (
    <section aria-labelledby="deliveries-title" className="space-y-3">
      <div>
        <h2 id="deliveries-title" className="text-lg font-semibold">
          Deliveries
        </h2>
        <p className="text-xs text-muted" data-testid="deliveries-period">
          {periodWords(p.from, p.to)}
          {/^https?:\/\//.test(p.attempts.trim()) ? " · with an attempt to this endpoint; those attempts are marked in each row" : ""}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3" role="group" aria-label="Filter deliveries">
        <label className={labelClass}>
          Status
          <select className={controlClass} value={p.status ?? ""} onChange={(e) => set({ status: (e.target.value || null) as typeof p.status })}>
            <option value="">Any status</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className={labelClass}>
          <span id="event-types-label">Event type</span>
          <EventTypePicker selected={p.types} seen={seenTypes} onChange={(types) => set({ types })} />
        </div>
        <LocalDateTimeInput label="Started after" value={p.from} onChange={(from) => set({ from })} />
        <LocalDateTimeInput label="Started before" value={p.to} onChange={(to) => set({ to })} />
        <CommitTextInput label="Webhook contains" value={p.webhook} onCommit={(webhook) => set({ webhook })} placeholder="+15551234567, an id…" maxLength={200} />
        <CommitTextInput label="Attempts contain" value={p.attempts} onCommit={(attempts) => set({ attempts })} placeholder="a URL, 503, a header…" maxLength={200} />
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
      </div>

      <div className="rounded-lg border border-border bg-surface">
        <PagedListState
          query={q}
          loadingLabel="webhook deliveries"
          errorTitle="Couldn't load webhook deliveries"
          refreshErrorTitle="Couldn't refresh the deliveries"
          isEmpty={q.data?.data.length === 0}
          noData={{ title: "No webhook deliveries", body: "Telnyx has not sent any webhook for this account recently." }}
          noResults={{ title: "No deliveries match these filters", body: "Try a wider time range or fewer filters." }}
          filtered={filtered}
          onClearFilters={clearFilters}
          footer={
            meta ? (
              <Pager label="Delivery pages" page={p.page} totalPages={meta.total_pages} onPage={(page) => void setP({ page })}>
                <span data-testid="deliveries-total">
                  Page {meta.page_number} of {Math.max(1, meta.total_pages)} · {formatCount(meta.total_results)} deliveries
                </span>
              </Pager>
            ) : null
          }
        >
          <DeliveriesTable
            deliveries={q.data?.data ?? []}
            meta={meta}
            busy={q.isFetching}
            stale={q.isPlaceholderData}
            endpoint={/^https?:\/\//.test(p.attempts.trim()) ? p.attempts.trim() : undefined}
          />
        </PagedListState>
      </div>
    </section>
  );
}
