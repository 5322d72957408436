"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { debounce, useQueryStates } from "nuqs";
import { JsonTree } from "@/components/json/json-tree";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { TruncatedText } from "@/components/ui/truncated-text";
import { formatCount, formatDateTimeExact } from "@/lib/format";
import { actionLogOptions } from "@/lib/query/dashboard-queries";
import { auditSearchParams } from "./search-params";

const PAGE_SIZE = 50;
const KNOWN_ACTIONS = ["auto_recharge.update", "payment.create", "login", "logout", "user.add"];

const OUTCOME_TONE = { success: "success", failure: "danger", unknown: "warning" } as const;

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
        {q.isPending ? (
          <div className="p-3">
            <LoadingBlock label="the dashboard's action log" lines={5} />
          </div>
        ) : q.isError ? (
          <div className="p-3">
            <ErrorState title="Couldn't load the dashboard's action log" error={q.error} onRetry={() => void q.refetch()} />
          </div>
        ) : q.data.data.length === 0 ? (
          <div className="p-3">
            <EmptyState title="No dashboard actions">{p.user || p.action ? "None match these filters." : "Nothing has been done through the dashboard yet."}</EmptyState>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Dashboard actions, newest first</caption>
              <thead className="border-b border-border text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Time</th>
                  <th scope="col" className="px-3 py-2 font-medium">User</th>
                  <th scope="col" className="px-3 py-2 font-medium">Action</th>
                  <th scope="col" className="px-3 py-2 font-medium">Outcome</th>
                  <th scope="col" className="px-3 py-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody>
                {q.data.data.map((a) => (
                  <tr key={a.id} className="border-b border-border align-top last:border-0" data-testid="action-row">
                    <td className="whitespace-nowrap px-3 py-2 text-xs">
                      {formatDateTimeExact(a.at)}
                      <div className="font-mono text-muted">{a.at}</div>
                    </td>
                    <td className="px-3 py-2">{a.userEmail ?? <span className="text-muted">(system)</span>}</td>
                    <td className="px-3 py-2 font-mono text-xs">{a.action}</td>
                    <td className="px-3 py-2">
                      <Badge tone={OUTCOME_TONE[a.outcome] ?? "neutral"}>{a.outcome}</Badge>
                    </td>
                    <td className="max-w-md px-3 py-2">
                      {a.error ? (
                        <p className="mb-1 text-xs text-danger">
                          <TruncatedText text={a.error} limit={200} label="error" />
                        </p>
                      ) : null}
                      {Object.keys(a.params ?? {}).length ? (
                        <JsonTree value={a.params} label={`Parameters of action ${a.id}`} openDepth={1} toolbar={false} />
                      ) : (
                        <span className="text-xs text-muted">No parameters</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {meta && meta.total_pages > 1 ? (
          <nav aria-label="Action log pages" className="flex items-center justify-between border-t border-border px-3 py-2 text-xs">
            <Button variant="secondary" size="sm" disabled={p.apage <= 1} onClick={() => void setP({ apage: p.apage - 1 })}>
              Newer
            </Button>
            <span>
              Page {meta.page_number} of {meta.total_pages}
            </span>
            <Button variant="secondary" size="sm" disabled={p.apage >= meta.total_pages} onClick={() => void setP({ apage: p.apage + 1 })}>
              Older
            </Button>
          </nav>
        ) : null}
      </section>
    </div>
  );
}
