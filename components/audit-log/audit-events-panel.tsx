"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import dynamic from "next/dynamic";
import { debounce, useQueryStates } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { PagedListState } from "@/components/ui/paged-list-state";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { AUDIT_PRESETS, matchActor, presetStart, summarizeChanges } from "@/lib/audit/wording";
import { formatCount, formatDateTime } from "@/lib/format";
import { actionLogOptions } from "@/lib/query/dashboard-queries";
import { operationQuery } from "@/lib/query/operation-query";
import { operationPagesQuery } from "@/lib/query/operation-query";
import { CHANGE_MADE_BY } from "@/lib/telnyx/contract";
import type { AuditEvent } from "@/lib/telnyx/schemas/audit-events";
import { cn } from "@/lib/utils/cn";
import { facetCounts, filterEvents, hasQuickFilters, type AuditFilters } from "./filter-events";
import { auditQuery, auditSearchParams, CHANGE_MADE_BY_LABEL } from "./search-params";

// An opened event's detail (its wording and the raw JSON diff) is needed only after a click: it
// loads then, not with the page.
const AuditEventDetail = dynamic(() => import("./audit-event-detail").then((m) => m.AuditEventDetail), {
  loading: () => <LoadingBlock label="the event" lines={4} />,
});

const ROW_HEIGHT = 52;
/** Start loading the next page this many rows before the end of the scrolled list. */
const LOAD_AHEAD_ROWS = 40;

function FacetGroup({
  legend,
  values,
  counts,
  selected,
  label,
  onChange,
}: {
  legend: string;
  values: readonly string[];
  counts: Map<string, number>;
  selected: readonly string[];
  label: (v: string) => string;
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium text-muted">{legend}</legend>
      <div className="flex flex-wrap gap-1">
        {values.map((v) => {
          const on = selected.includes(v);
          const n = counts.get(v) ?? 0;
          return (
            <label
              key={v}
              className={cn(
                "inline-flex cursor-pointer items-center gap-1 rounded-full border px-2 py-0.5 text-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent",
                on ? "border-accent bg-accent/10 text-fg" : "border-border text-fg",
              )}
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={on}
                onChange={() => onChange(on ? selected.filter((s) => s !== v) : [...selected, v])}
              />
              <span>{label(v)}</span>
              <span className="tabular text-muted" aria-label={`${n} loaded events`}>
                {formatCount(n)}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}


export function AuditEventsPanel({ onShowActions }: { onShowActions: () => void }) {
  const [p, setP] = useQueryStates(auditSearchParams, { history: "replace" });
  const query = auditQuery(p);
  // Pages never change once loaded: skip structural sharing, which would re-walk every loaded
  // event each time a page arrives (tens of thousands on a large account).
  const list = useInfiniteQuery({ ...operationPagesQuery("auditEvents", query), placeholderData: keepPreviousData, structuralSharing: false });
  const events = useMemo(() => list.data?.pages.flatMap((pg) => pg.data) ?? [], [list.data]);
  const total = list.data?.pages[0]?.meta.total_results ?? 0;

  const filters: AuditFilters = useMemo(() => ({ by: p.by, change: p.change, resource: p.resource, q: p.q }), [p.by, p.change, p.resource, p.q]);
  const visible = useMemo(() => filterEvents(events, filters), [events, filters]);
  const counts = useMemo(
    () => ({ by: facetCounts(events, filters, "by"), change: facetCounts(events, filters, "change"), resource: facetCounts(events, filters, "resource") }),
    [events, filters],
  );
  const changeValues = useMemo(() => [...new Set([...events.map((e) => e.change_type ?? "unknown"), ...p.change])].sort(), [events, p.change]);
  const resourceValues = useMemo(() => [...new Set([...events.map((e) => e.record_type ?? "unknown"), ...p.resource])].sort(), [events, p.resource]);
  const selected = p.event ? events.find((e) => e.id === p.event) : undefined;
  // The person behind a change made through the dashboard: its own action log (the latest 100
  // actions), matched by time and resource. Telnyx itself only ever sees the API key.
  const actions = useQuery(actionLogOptions({ page: 1, size: 100 }));
  const balance = useQuery(operationQuery("balance", {}));
  const currency = balance.data?.data.currency ?? "USD";
  const actorOf = useCallback((e: AuditEvent) => matchActor(e, actions.data?.data ?? []), [actions.data]);
  const rowSummary = (e: AuditEvent) => summarizeChanges(e.changes, e.record_type, e.change_type, currency);
  const preset = AUDIT_PRESETS.find((x) => p.after && !p.before && Math.abs(Date.parse(p.after) - Date.now() + x.hours * 3_600_000) < 3_600_000);

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler can't memoize; this project doesn't use
  // the compiler, so the rule's "compilation skipped" is informational here.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => visible[i]?.id ?? i,
  });

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Scrolling near the end loads the next page. Only a real scroll does: a quick filter that
  // leaves a short list must not walk every page on its own.
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el || isFetchNextPageError) return;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - LOAD_AHEAD_ROWS * ROW_HEIGHT) loadMore();
  };

  // A new query (sort, dates) or new quick filters start at the top.
  const viewKey = JSON.stringify([query, filters.by, filters.change, filters.resource, filters.q]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [viewKey]);

  const select = (id: string | null) => {
    void setP({ event: id }, { history: "push" });
    // Below the xl breakpoint the detail sits under the list: bring it into view.
    if (id && !window.matchMedia("(min-width: 80rem)").matches)
      setTimeout(() => document.getElementById("audit-detail-title")?.scrollIntoView({ block: "start" }), 50);
  };
  const moveSelection = (e: KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const at = selected ? visible.findIndex((v) => v.id === selected.id) : -1;
    const next = Math.min(visible.length - 1, Math.max(0, at + (e.key === "ArrowDown" ? 1 : -1)));
    const target = visible[next];
    if (!target) return;
    void setP({ event: target.id });
    virtualizer.scrollToIndex(next, { align: "auto" });
    requestAnimationFrame(() => document.getElementById(`audit-row-${target.id}`)?.focus());
  };

  const clearQuick = () => void setP({ by: [], change: [], resource: [], q: "" });

  return (
    <div className="space-y-4">
      <p className="text-xs text-muted">
        Telnyx keeps its audit log on a best-effort basis and it is eventually consistent: a change made moments ago may not be listed yet.
      </p>
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="What to load">
        <div role="group" aria-label="Time window presets" className="flex flex-wrap gap-1">
          {AUDIT_PRESETS.map((x) => (
            <Button
              key={x.id}
              variant="secondary"
              size="sm"
              aria-pressed={preset?.id === x.id}
              onClick={() => void setP({ after: presetStart(x.hours, Date.now()), before: null, event: null })}
            >
              {x.label}
            </Button>
          ))}
        </div>
        <LocalDateTimeInput label="Created after" value={p.after} onChange={(after) => void setP({ after, event: null })} />
        <LocalDateTimeInput label="Created before" value={p.before} onChange={(before) => void setP({ before, event: null })} />
        {p.after || p.before ? (
          <Button variant="ghost" size="sm" onClick={() => void setP({ after: null, before: null })}>
            Clear dates
          </Button>
        ) : null}
        <Button variant="secondary" size="sm" onClick={() => void setP({ sort: p.sort === "desc" ? "asc" : "desc" })} aria-label={`Sort: ${p.sort === "desc" ? "newest" : "oldest"} first. Switch order`}>
          {p.sort === "desc" ? "Newest first ↓" : "Oldest first ↑"}
        </Button>
      </div>

      <div className="grid gap-3 rounded-lg border border-border bg-surface p-3 lg:grid-cols-2" role="group" aria-label="Quick filters on the loaded events">
        <FacetGroup
          legend="Changed by"
          values={CHANGE_MADE_BY}
          counts={counts.by}
          selected={p.by}
          label={(v) => CHANGE_MADE_BY_LABEL[v as keyof typeof CHANGE_MADE_BY_LABEL] ?? v}
          onChange={(by) => void setP({ by: by as typeof p.by })}
        />
        <FacetGroup legend="Change type" values={changeValues} counts={counts.change} selected={p.change} label={(v) => v} onChange={(change) => void setP({ change })} />
        <FacetGroup legend="Resource type" values={resourceValues} counts={counts.resource} selected={p.resource} label={(v) => v.replace(/_/g, " ")} onChange={(resource) => void setP({ resource })} />
        <label className={labelClass}>
          Resource id contains
          <input
            type="search"
            className={controlClass}
            value={p.q}
            placeholder="id, number, e-mail…"
            onChange={(e) => void setP({ q: e.target.value }, { limitUrlUpdates: debounce(300) })}
          />
        </label>
      </div>

      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_26rem] 2xl:grid-cols-[minmax(0,1fr)_32rem]">
        <section aria-labelledby="audit-list-title" className="min-w-0 rounded-lg border border-border bg-surface">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-2">
            <h2 id="audit-list-title" className="text-sm font-semibold">
              Events
            </h2>
            <p className="text-xs text-muted" aria-live="polite" data-testid="audit-counts">
              {list.isPending
                ? "Loading…"
                : `${formatCount(visible.length)} shown · ${formatCount(events.length)} of ${formatCount(total)} loaded`}
              {hasQuickFilters(filters) ? (
                <button type="button" className="ml-2 text-accent underline" onClick={clearQuick}>
                  Clear filters
                </button>
              ) : null}
            </p>
          </div>

          <PagedListState
            query={list}
            loadingLabel="the audit log"
            errorTitle="Couldn't load the audit log"
            isEmpty={total === 0}
            noData={{ title: "No audit events", body: "Telnyx has recorded no changes on this account." }}
            noResults={{ title: "No audit events", body: "Nothing was recorded between these dates.", clearLabel: "Clear dates" }}
            filtered={!!(p.after || p.before)}
            onClearFilters={() => void setP({ after: null, before: null })}
            footer={
              <EventsFooter
                total={total}
                hasNextPage={hasNextPage}
                isFetchingNextPage={isFetchingNextPage}
                nextPageError={isFetchNextPageError ? list.error : null}
                fetchNextPage={fetchNextPage}
                loadMore={loadMore}
              />
            }
          >
            <div
              aria-hidden="true"
              className="hidden grid-cols-[10.5rem_9.5rem_4rem_minmax(0,1.3fr)_minmax(0,1fr)] gap-2 border-b border-border px-3 py-1 text-xs font-medium text-muted md:grid"
            >
              <span>Time</span>
              <span>Changed by</span>
              <span>Type</span>
              <span>Resource</span>
              <span>Fields</span>
            </div>
            {visible.length === 0 ? (
              <div className="p-3">
                <EmptyState
                  title="No loaded event matches these filters"
                  action={
                    <Button variant="secondary" size="sm" onClick={clearQuick}>
                      Clear filters
                    </Button>
                  }
                >
                  Quick filters look at the events loaded so far{hasNextPage ? "; load more to search further" : ""}.
                </EmptyState>
              </div>
            ) : null}
            <div
              ref={scrollRef}
              onScroll={onScroll}
              className={cn("h-[min(70vh,40rem)] overflow-auto", visible.length === 0 && "hidden")}
              data-testid="audit-scroller"
            >
              <ul
                aria-label="Audit events"
                aria-busy={list.isFetching}
                className="relative w-full"
                style={{ height: virtualizer.getTotalSize() }}
                onKeyDown={moveSelection}
              >
                {virtualizer.getVirtualItems().map((item) => {
                  const e = visible[item.index]!;
                  const on = e.id === selected?.id;
                  const who = e.change_made_by ? CHANGE_MADE_BY_LABEL[e.change_made_by] : "Unknown";
                  const person = actorOf(e);
                  const resource = e.alternate_resource_id || e.resource_id || "—";
                  return (
                    <li
                      key={item.key}
                      className="absolute left-0 top-0 w-full"
                      style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                      data-testid="audit-row"
                    >
                      <button
                        type="button"
                        id={`audit-row-${e.id}`}
                        aria-current={on ? "true" : undefined}
                        onClick={() => select(on ? null : e.id)}
                        aria-label={`${e.change_type ?? "change"} of ${e.record_type ?? "resource"} ${resource} by ${person ? `${person} (${who})` : who}, ${formatDateTime(e.created_at)}: ${rowSummary(e)}`}
                        className={cn(
                          "grid h-full w-full grid-cols-[1fr_auto] items-center gap-x-2 border-b border-border px-3 text-left text-sm hover:bg-bg focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent md:grid-cols-[10.5rem_9.5rem_4rem_minmax(0,1.3fr)_minmax(0,1fr)]",
                          on && "bg-accent/10",
                        )}
                      >
                        <span className="tabular truncate text-xs">{formatDateTime(e.created_at)}</span>
                        <span className="flex min-w-0 flex-col">
                          <span className="truncate">
                            <Badge tone={e.change_made_by === "telnyx" ? "warning" : e.change_made_by === "account_manager" ? "accent" : "neutral"}>{who}</Badge>
                          </span>
                          {person ? (
                            <span className="truncate text-xs text-muted" title={`${person}, from the dashboard's action log`} data-testid="audit-row-person">
                              {person}
                            </span>
                          ) : null}
                        </span>
                        <span className="hidden truncate text-xs md:inline">{e.change_type}</span>
                        <span className="hidden min-w-0 flex-col md:flex">
                          <span className="truncate text-xs text-muted">{e.record_type?.replace(/_/g, " ")}</span>
                          <span className="truncate font-mono text-xs">{resource}</span>
                        </span>
                        <span className="hidden min-w-0 truncate text-xs md:inline" title={rowSummary(e)} data-testid="audit-row-summary">
                          {rowSummary(e)}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          </PagedListState>
        </section>

        <aside aria-label="Event detail" className="rounded-lg border border-border bg-surface p-3 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:overflow-auto">
          {selected ? (
            <AuditEventDetail
              event={selected}
              person={actorOf(selected)}
              currency={currency}
              onClose={() => select(null)}
              onShowActions={onShowActions}
            />
          ) : p.event && !list.isPending ? (
            <p className="text-sm text-muted">That event is not among the loaded events. Load more, or widen the dates.</p>
          ) : (
            <p className="text-sm text-muted">Select an event to see what changed, field by field.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

function EventsFooter(props: {
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: unknown;
  fetchNextPage: () => unknown;
  loadMore: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-3 py-2 text-xs">
      {props.nextPageError ? (
        <ErrorState title="Couldn't load more events" error={props.nextPageError} onRetry={() => void props.fetchNextPage()} />
      ) : props.hasNextPage ? (
        <>
          <span className="text-muted">Scroll to load more, or</span>
          <Button variant="secondary" size="sm" onClick={props.loadMore} disabled={props.isFetchingNextPage}>
            {props.isFetchingNextPage ? "Loading…" : "Load more events"}
          </Button>
        </>
      ) : (
        <span className="text-muted">All {formatCount(props.total)} events loaded.</span>
      )}
    </div>
  );
}
