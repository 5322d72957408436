"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { debounce, useQueryStates } from "nuqs";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { PagedListState } from "@/components/ui/paged-list-state";
import { Pager } from "@/components/ui/pager";
import { formatCount } from "@/lib/format";
import { actionLogOptions } from "@/lib/query/dashboard-queries";
import { ActionLogTable } from "./action-log-table/table";
import { auditSearchParams } from "./search-params";

const PAGE_SIZE = 50;
const KNOWN_ACTIONS = ["auto_recharge.update", "payment.create", "login", "logout", "user.add"];

export function ActionLogPanel() {
  const [p, setP] = useQueryStates(auditSearchParams, { history: "replace" });
  const q = useQuery({
    ...actionLogOptions({ user: p.user.trim() || undefined, action: p.action || undefined, page: p.apage, size: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const meta = q.data?.meta;
  return (
    <div className="space-y-4">
      <p className="text-xs text-muted">
        Every change made through this dashboard, with the person who made it and how it ended — including failed attempts and sign-ins.
        Telnyx&apos;s own audit log only sees the dashboard&apos;s API key.
      </p>
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter dashboard actions">
        <label className={labelClass}>
          User e-mail
          <input
            type="search"
            className={controlClass}
            value={p.user}
            placeholder="name@example.com"
            onChange={(e) => void setP({ user: e.target.value, apage: 1 }, { limitUrlUpdates: debounce(300) })}
          />
        </label>
        <label className={labelClass}>
          Action
          <select className={controlClass} value={p.action} onChange={(e) => void setP({ action: e.target.value, apage: 1 })}>
            <option value="">All actions</option>
            {[...new Set([...KNOWN_ACTIONS, ...(p.action ? [p.action] : [])])].map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section aria-labelledby="actions-title" className="rounded-lg border border-border bg-surface">
        <div className="flex items-center justify-between border-b border-border px-3 py-2">
          <h2 id="actions-title" className="text-sm font-semibold">
            Dashboard actions
          </h2>
          {meta ? <p className="text-xs text-muted">{formatCount(meta.total_results)} in total</p> : null}
        </div>
        <PagedListState
          query={q}
          loadingLabel="the dashboard's action log"
          loadingLines={5}
          errorTitle="Couldn't load the dashboard's action log"
          isEmpty={q.data?.data.length === 0}
          noData={{ title: "No dashboard actions", body: "Nothing has been done through the dashboard yet." }}
          noResults={{ title: "No dashboard actions", body: "None match these filters." }}
          filtered={!!(p.user || p.action)}
          onClearFilters={() => void setP({ user: "", action: "", apage: 1 })}
          footer={
            meta && meta.total_pages > 1 ? (
              <Pager label="Action log pages" page={p.apage} totalPages={meta.total_pages} onPage={(apage) => void setP({ apage })} previousLabel="Newer" nextLabel="Older">
                <span>
                  Page {meta.page_number} of {meta.total_pages}
                </span>
              </Pager>
            ) : null
          }
        >
          <ActionLogTable entries={q.data?.data ?? []} />
        </PagedListState>
      </section>
    </div>
  );
}
