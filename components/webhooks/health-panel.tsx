"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { deferredChart } from "@/components/charts/lazy";
import { Button } from "@/components/ui/button";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { ClippedText } from "@/components/ui/clipped-text";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatDateTime } from "@/lib/format";
import { webhookHealthOptions } from "@/lib/query/dashboard-queries";
import { bucketLabel, HOUR_MS } from "@/lib/webhooks/health";
import { healthWindow, webhookSearchParams, type HealthWindow } from "./search-params";

// Recharts loads once the chart's fixed-height box is on screen and the browser is idle.
const HealthChart = deferredChart(() => import("./health-chart"), "h-64 w-full");

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

const WINDOW_LABEL: Record<HealthWindow, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", range: "The list's time range" };

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: "danger" }) {
  return (
    <div className="rounded-md border border-border p-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`tabular text-lg font-semibold ${tone === "danger" ? "text-danger" : ""}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Endpoint health over a window: failure rate over time and target URLs ranked by failures. */
export function HealthPanel() {
  const [p, setP] = useQueryStates(webhookSearchParams, { history: "replace" });
  // "Now" is read once per visit (and on demand), so the window, and the cached report, stay put.
  const [now, setNow] = useState(() => Date.now());
  const window = healthWindow(p.window, p, now);
  const q = useQuery({ ...webhookHealthOptions(window ?? { from: "", to: "" }), enabled: window !== null, placeholderData: keepPreviousData });
  const report = q.data?.data;

  return (
    <section aria-labelledby="health-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="health-title" className="text-lg font-semibold">
            Endpoint health
          </h2>
          <p className="text-xs text-muted" data-testid="health-period">
            {report ? `Started ${formatDateTime(report.from)} – ${formatDateTime(report.to)}` : WINDOW_LABEL[p.window]}: the deliveries Telnyx lists
            for this window.
            {report && (p.from !== report.from || p.to !== report.to) ? (
              <>
                {" "}
                <button type="button" className="text-accent underline" onClick={() => void setP({ from: report.from, to: report.to, page: 1 }, { history: "push" })}>
                  Show the same period in the list below
                </button>
              </>
            ) : null}
          </p>
        </div>
        <div className="flex items-end gap-2">
          <label className={labelClass}>
            Window
            <select className={controlClass} value={p.window} onChange={(e) => void setP({ window: e.target.value as HealthWindow })}>
              {(Object.keys(WINDOW_LABEL) as HealthWindow[]).map((w) => (
                <option key={w} value={w} disabled={w === "range" && !(p.from && p.to)}>
                  {WINDOW_LABEL[w]}
                </option>
              ))}
            </select>
          </label>
          <Button variant="secondary" size="sm" onClick={() => setNow(Date.now())} disabled={p.window === "range"}>
            Refresh
          </Button>
        </div>
      </div>

      <div className="rounded-lg border border-border bg-surface p-3" aria-busy={q.isFetching}>
        {window === null ? (
          <EmptyState title="Set both ends of the list's time range">Choose “Started after” and “Started before” above, or pick a preset window.</EmptyState>
        ) : q.isPending ? (
          // Roughly the loaded panel's height, so the list below doesn't jump when it arrives.
          <div className="min-h-[36rem]">
            <LoadingBlock label="endpoint health" lines={5} />
          </div>
        ) : q.isError && !report ? (
          <ErrorState title="Couldn't compute endpoint health" error={q.error} onRetry={() => void q.refetch()} />
        ) : report ? (
          <div className={`space-y-4 ${q.isPlaceholderData ? "opacity-60" : ""}`}>
            {report.coverage.truncated ? (
              <p role="note" className="rounded-md border border-warning/40 bg-warning/10 p-2 text-xs">
                Based on the first {formatCount(report.coverage.loaded)} of {formatCount(report.coverage.total)} deliveries in this window: choose a shorter window for exact figures.
              </p>
            ) : null}
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
              <Figure label="Deliveries" value={formatCount(report.deliveries)} testId="health-deliveries" />
              <Figure label="Failed deliveries" value={formatCount(report.failedDeliveries)} testId="health-failed" tone={report.failedDeliveries ? "danger" : undefined} />
              <Figure label="Failure rate" value={pct(report.deliveryFailureRate)} testId="health-rate" />
              <Figure label="Attempts" value={formatCount(report.attempts)} testId="health-attempts" />
              <Figure label="Failed attempts" value={formatCount(report.failedAttempts)} testId="health-failed-attempts" />
            </dl>
            {report.deliveries === 0 ? (
              <EmptyState title="No deliveries in this window" />
            ) : (
              <figure>
                <figcaption className="mb-1 text-sm font-medium">Deliveries and failure rate per {report.bucketMs === HOUR_MS ? "hour" : "day"}</figcaption>
                <HealthChart buckets={report.buckets} hourly={report.bucketMs === HOUR_MS} />
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-muted">Show as a table</summary>
                  <Table density="card" className="mt-1 text-xs">
                    <TableHeader>
                      <tr>
                        <TableHead>{report.bucketMs === HOUR_MS ? "Hour" : "Day"}</TableHead>
                        <TableHead align="right">Deliveries</TableHead>
                        <TableHead align="right">Failed</TableHead>
                        <TableHead align="right">Failure rate</TableHead>
                      </tr>
                    </TableHeader>
                    <TableBody>
                      {report.buckets.map((b) => (
                        <TableRow key={b.start}>
                          <TableCell>{bucketLabel(b.start, report.bucketMs === HOUR_MS)}</TableCell>
                          <TableCell numeric>{b.deliveries}</TableCell>
                          <TableCell numeric>{b.failed}</TableCell>
                          <TableCell numeric>{pct(b.failureRate)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </details>
              </figure>
            )}
            {report.endpoints.length ? (
              <ScrollRegion label="Target URLs (scrolls sideways)">
                <Table density="card" data-testid="endpoint-table">
                  <TableCaption className="mb-1 text-left text-sm font-medium">Target URLs ranked by failed attempts, with their failures by cause</TableCaption>
                  <TableHeader>
                    <tr>
                      <TableHead>URL</TableHead>
                      <TableHead align="right">Attempts</TableHead>
                      <TableHead align="right">Failed</TableHead>
                      <TableHead align="right" className="whitespace-nowrap">Failure rate</TableHead>
                      <TableHead>Failures by cause</TableHead>
                      <TableHead className="whitespace-nowrap">Last failure</TableHead>
                      <TableHead>
                        <span className="sr-only">Actions</span>
                      </TableHead>
                    </tr>
                  </TableHeader>
                  <TableBody>
                    {report.endpoints.map((e) => (
                      <TableRow key={e.url} className="align-top" data-testid="endpoint-row">
                        <TableCell className="font-mono text-xs">
                          <ClippedText text={e.url} label="URL" className="max-w-[11rem] sm:max-w-[22rem]" />
                        </TableCell>
                        <TableCell align="right" className="tabular">
                          {formatCount(e.attempts)}
                        </TableCell>
                        <TableCell align="right" className="tabular">
                          {formatCount(e.failures)}
                        </TableCell>
                        <TableCell align="right" className="tabular">
                          {pct(e.failureRate)}
                        </TableCell>
                        <TableCell className="text-xs">
                          {e.causes.length ? (
                            <ul data-testid="endpoint-causes">
                              {e.causes.map((c) => (
                                <li key={c.cause} className="whitespace-nowrap">
                                  {c.label}: <span className="tabular font-medium">{formatCount(c.count)}</span>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            "—"
                          )}
                        </TableCell>
                        <TableCell className="whitespace-nowrap text-xs">{e.lastFailureAt ? formatDateTime(e.lastFailureAt) : "—"}</TableCell>
                        <TableCell>
                          <Button
                            variant="ghost"
                            size="sm"
                            className="whitespace-nowrap"
                            aria-label={`Show deliveries with attempts to ${e.url}`}
                            onClick={() => {
                              void setP({ attempts: e.url, page: 1, from: report.from, to: report.to }, { history: "push" });
                              document.getElementById("deliveries-title")?.scrollIntoView({ block: "start" });
                            }}
                          >
                            Show deliveries
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
