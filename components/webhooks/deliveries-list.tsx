"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CommitTextInput } from "@/components/ui/commit-text-input";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { formatCount, formatDateTime } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";
import { DELIVERY_STATUSES } from "@/lib/telnyx/contract";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { chronologicalAttempts, deliveryDurationMs, formatDuration, lastAttempt, responseStatus } from "@/lib/webhooks/deliveries";
import { rememberListUrl } from "./back-to-list";
import { EventTypePicker } from "./event-type-picker";
import { deliveriesQuery, hasDeliveryFilters, webhookSearchParams } from "./search-params";

export function StatusBadge({ status }: { status: WebhookDelivery["status"] | undefined }) {
  if (!status) return <Badge>unknown</Badge>;
  return <Badge tone={status === "delivered" ? "success" : "danger"}>{status}</Badge>;
}

function DeliveryRow({ d }: { d: WebhookDelivery }) {
  const attempts = chronologicalAttempts(d);
  const last = lastAttempt(d);
  const status = responseStatus(last);
  return (
    <tr className="border-b border-border last:border-0 hover:bg-bg" data-testid="delivery-row">
      <td className="px-3 py-2">
        <StatusBadge status={d.status} />
      </td>
      <td className="px-3 py-2">
        <Link href={`/webhooks/${d.id}`} className="font-mono text-xs text-accent underline-offset-2 hover:underline">
          {d.webhook?.event_type ?? "(no event type)"}
        </Link>
      </td>
      <td className="tabular whitespace-nowrap px-3 py-2 text-xs">{d.started_at ? formatDateTime(d.started_at) : "—"}</td>
      <td className="tabular px-3 py-2 text-right">{attempts.length}</td>
      <td className="tabular px-3 py-2 text-right">
        {status !== null ? (
          <span className={status >= 200 && status < 300 ? "text-success" : "text-danger"}>{status}</span>
        ) : last?.errors?.length ? (
          <span className="text-danger" title="No HTTP response">
            error {last.errors.join(", ")}
          </span>
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
      <td className="tabular whitespace-nowrap px-3 py-2 text-right text-xs">{formatDuration(deliveryDurationMs(d))}</td>
    </tr>
  );
}

export function DeliveriesList() {
  const [p, setP] = useQueryStates(webhookSearchParams, { history: "push" });
  const input = deliveriesQuery(p);
  const q = useQuery({ ...operationQuery("webhookDeliveries", input), placeholderData: keepPreviousData });
  const meta = q.data?.meta;
  const seenTypes = [...new Set((q.data?.data ?? []).map((d) => d.webhook?.event_type).filter((t): t is string => !!t))];
  const filtered = hasDeliveryFilters(p);
  const set = (patch: Partial<typeof p>) => void setP({ ...patch, page: 1 });
  const inputKey = JSON.stringify(input);
  useEffect(() => rememberListUrl(window.location.search), [inputKey]);

  return (
    <section aria-labelledby="deliveries-title" className="space-y-3">
      <h2 id="deliveries-title" className="text-lg font-semibold">
        Deliveries
      </h2>
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
          <Button
            variant="ghost"
            size="sm"
            onClick={() => void setP({ status: null, types: [], from: null, to: null, webhook: "", attempts: "", page: 1 })}
          >
            Clear filters
          </Button>
        ) : null}
      </div>

      <div className="rounded-lg border border-border bg-surface">
        {q.isPending ? (
          <div className="p-3">
            <LoadingBlock label="webhook deliveries" lines={6} />
          </div>
        ) : q.isError && !q.data ? (
          <div className="p-3">
            <ErrorState title="Couldn't load webhook deliveries" error={q.error} onRetry={() => void q.refetch()} />
          </div>
        ) : q.data.data.length === 0 ? (
          <div className="p-3">
            <EmptyState
              title={filtered ? "No deliveries match these filters" : "No webhook deliveries"}
              action={
                filtered ? (
                  <Button variant="secondary" size="sm" onClick={() => void setP({ status: null, types: [], from: null, to: null, webhook: "", attempts: "", page: 1 })}>
                    Clear filters
                  </Button>
                ) : undefined
              }
            >
              {filtered ? "Try a wider time range or fewer filters." : "Telnyx has not sent any webhook for this account recently."}
            </EmptyState>
          </div>
        ) : (
          <>
            {q.isError ? (
              <div className="p-3">
                <ErrorState title="Couldn't refresh the deliveries" error={q.error} onRetry={() => void q.refetch()} />
              </div>
            ) : null}
            <div className="overflow-x-auto" aria-busy={q.isFetching}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Webhook deliveries{meta ? `, page ${meta.page_number} of ${meta.total_pages}` : ""}</caption>
                <thead className="border-b border-border text-xs text-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Status</th>
                    <th scope="col" className="px-3 py-2 font-medium">Event type</th>
                    <th scope="col" className="px-3 py-2 font-medium">First attempt</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Attempts</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Last HTTP status</th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">Total duration</th>
                  </tr>
                </thead>
                <tbody className={q.isPlaceholderData ? "opacity-60" : undefined}>
                  {q.data.data.map((d) => (
                    <DeliveryRow key={d.id} d={d} />
                  ))}
                </tbody>
              </table>
            </div>
            {meta ? (
              <nav aria-label="Delivery pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-3 py-2 text-xs">
                <Button variant="secondary" size="sm" disabled={p.page <= 1} onClick={() => void setP({ page: p.page - 1 })}>
                  Previous
                </Button>
                <span data-testid="deliveries-total">
                  Page {meta.page_number} of {Math.max(1, meta.total_pages)} · {formatCount(meta.total_results)} deliveries
                </span>
                <Button variant="secondary" size="sm" disabled={p.page >= meta.total_pages} onClick={() => void setP({ page: p.page + 1 })}>
                  Next
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
