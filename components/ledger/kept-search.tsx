"use client";

// A search over the dashboard's kept copy of a Telnyx list (audit events, webhook deliveries):
// free text, UTC day range (from included, to not), pages of 50, newest first. Labelled as the
// dashboard's copy with the time of the last successful sync.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { QueryResult } from "@/components/ui/query-result";
import { EmptyState } from "@/components/ui/states";
import { formatCount, formatDateTime } from "@/lib/format";
import { keptSearchOptions, type KeptSearch, type KeptStream } from "@/lib/history/queries";
import type { KeptColumn } from "./kept-table/columns";
import { KeptTable } from "./kept-table/table";

export function KeptSearchPanel<T extends { id: string }>({
  stream,
  noun,
  one,
  hint,
  columns,
}: {
  stream: KeptStream;
  /** "audit events", "webhook deliveries". */
  noun: string;
  /** "audit event", "webhook delivery". */
  one: string;
  /** What the free text matches. */
  hint: string;
  columns: KeptColumn<T>[];
}) {
  const [search, setSearch] = useState<KeptSearch>({ q: "", from: "", to: "", page: 1 });
  const query = useQuery({ ...keptSearchOptions<T>(stream, search), placeholderData: keepPreviousData });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setSearch({ q: String(f.get("q") ?? "").trim(), from: String(f.get("from") ?? ""), to: String(f.get("to") ?? ""), page: 1 });
  };
  const hintId = `${stream}-kept-hint`;
  return (
    <section className="space-y-3" aria-label={`Search the dashboard's copy of ${noun}`} data-testid={`kept-${stream}`}>
      <p className="rounded-md border border-border bg-surface p-2 text-xs" data-testid="kept-label">
        <strong>The dashboard&apos;s copy</strong>: every {one} the ledger has kept, including those past Telnyx&apos;s retention.{" "}
        {query.data ? (
          query.data.meta.last_sync_at ? (
            <>Last synced {formatDateTime(query.data.meta.last_sync_at)}; anything newer is not here yet.</>
          ) : (
            <>Not synced yet.</>
          )
        ) : null}
      </p>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit} role="search">
        <label className={labelClass}>
          Search
          <input name="q" type="search" className={controlClass} defaultValue={search.q} maxLength={200} aria-describedby={hintId} />
        </label>
        <label className={labelClass}>
          From (UTC, included)
          <input name="from" type="date" className={controlClass} defaultValue={search.from} />
        </label>
        <label className={labelClass}>
          Until (UTC, not included)
          <input name="to" type="date" className={controlClass} defaultValue={search.to} />
        </label>
        <Button type="submit" size="sm">
          Search
        </Button>
        <p id={hintId} className="w-full text-xs text-muted">
          {hint}
        </p>
      </form>
      <QueryResult query={query} label={`the kept ${noun}`}>
        {({ data, meta }) =>
          data.length === 0 ? (
            <EmptyState title={search.q || search.from || search.to ? `No kept ${noun} match` : `No ${noun} kept yet`} />
          ) : (
            <div className="space-y-2">
              <p className="text-xs text-muted" role="status">
                {formatCount(meta.total_results)} {noun} · page {meta.page_number} of {meta.total_pages}
              </p>
              <KeptTable items={data} columns={columns} label={`Kept ${noun}`} />
              <div className="flex gap-2">
                <Button size="sm" variant="secondary" disabled={search.page <= 1} onClick={() => setSearch({ ...search, page: search.page - 1 })}>
                  Previous page
                </Button>
                <Button size="sm" variant="secondary" disabled={search.page >= meta.total_pages} onClick={() => setSearch({ ...search, page: search.page + 1 })}>
                  Next page
                </Button>
              </div>
            </div>
          )
        }
      </QueryResult>
    </section>
  );
}
