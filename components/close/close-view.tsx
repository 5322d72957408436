"use client";

// The month close: pick an ended month, see whether the ledger covers it, its reconciliation (two
// figures, difference, verdict, and the lines behind each check), download the close pack, the
// FOCUS export and the reconciliation CSV, close the month, and see post-close changes.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { controlClass, labelClass } from "@/components/ui/control-styles";
import { DownloadLink } from "@/components/ui/link-button";
import { Money } from "@/components/ui/money";
import { QueryResult } from "@/components/ui/query-result";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ErrorState } from "@/components/ui/states";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { apiFetch } from "@/lib/api/fetcher";
import type { Check, Reconciliation, Verdict } from "@/lib/close/reconcile";
import type { ClosedMonth } from "@/lib/close/service";
import { formatDateTime, formatMonth } from "@/lib/format";
import { queryKeys } from "@/lib/query/keys";
import { monthClosesOptions, reconciliationOptions } from "./queries";

const MONEY = /^-?\d+\.\d{2}$/;
const STREAM_LABELS: Record<string, string> = {
  charges: "monthly charges",
  invoices: "invoices",
  audit_events: "audit events",
  usage: "usage rollups",
  balance: "balance snapshots",
};

/** The last `n` ended months, newest first (YYYY-MM). */
export function endedMonths(today: string, n = 12): string[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 2 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function Figure({ value, currency }: { value: string; currency: string }) {
  if (value === "") return <span className="text-muted">—</span>;
  return MONEY.test(value) ? <Money amount={value} currency={currency} negativeLabel="negative" /> : <span>{value}</span>;
}

const VERDICT: Record<Verdict, { label: string; tone: "success" | "danger" | "warning" }> = {
  ok: { label: "Matches", tone: "success" },
  difference: { label: "Difference", tone: "danger" },
  missing: { label: "Missing", tone: "warning" },
};

function CheckRows({ check, currency }: { check: Check; currency: string }) {
  const v = VERDICT[check.verdict];
  return (
    <>
      <TableRow data-testid={`check-${check.id}`} data-verdict={check.verdict}>
        <TableCell className="min-w-56">
          <span className="font-medium">{check.name}</span>
          {check.note ? <span className="block text-xs text-muted">{check.note}</span> : null}
        </TableCell>
        <TableCell align="right" className="whitespace-nowrap">
          <span className="block text-xs text-muted">{check.a_label}</span>
          <Figure value={check.a} currency={currency} />
        </TableCell>
        <TableCell align="right" className="whitespace-nowrap">
          <span className="block text-xs text-muted">{check.b_label}</span>
          <Figure value={check.b} currency={currency} />
        </TableCell>
        <TableCell align="right" className="whitespace-nowrap">
          <Figure value={check.difference} currency={currency} />
          {check.tolerance && check.tolerance !== "0.00" ? <span className="block text-xs text-muted">± {check.tolerance} allowed</span> : null}
        </TableCell>
        <TableCell>
          <Badge tone={v.tone}>{v.label}</Badge>
        </TableCell>
      </TableRow>
      {check.lines.length ? (
        <TableRow>
          <TableCell colSpan={5} className="pt-0">
            <details open={check.verdict !== "ok"}>
              <summary className="cursor-pointer text-xs text-muted">
                {check.lines.length} {check.lines.length === 1 ? "line" : "lines"} behind this check
              </summary>
              <ul className="mt-1 space-y-0.5 text-xs" data-testid={`check-lines-${check.id}`}>
                {check.lines.map((l, i) => (
                  <li key={i} className={l.verdict === "difference" ? "text-danger" : undefined}>
                    {l.item}: {l.a ? <Figure value={l.a} currency={currency} /> : null}
                    {l.a && l.b ? " vs " : null}
                    {l.b ? <Figure value={l.b} currency={currency} /> : null}
                    {l.verdict === "difference" ? ` (difference ${l.difference})` : null}
                  </li>
                ))}
              </ul>
            </details>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

const STATUS_TEXT: Record<Reconciliation["status"], { label: string; tone: "success" | "danger" | "warning" }> = {
  ok: { label: "Reconciled: every check matches", tone: "success" },
  differences: { label: "Differences found", tone: "danger" },
  incomplete: { label: "Incomplete in the ledger", tone: "warning" },
};

function Actions({ rec, closed, canSync }: { rec: Reconciliation; closed: ClosedMonth | undefined; canSync: boolean }) {
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => apiFetch<{ data: ClosedMonth }>("/api/month-close", { method: "POST", body: JSON.stringify({ month: rec.month }) }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.family("close") }),
  });
  const incomplete = rec.status === "incomplete";
  const packUrl = `/api/month-close/${rec.month}.zip${incomplete && !closed ? "?partial=1" : ""}`;
  return (
    <div className="space-y-3">
      {incomplete && !closed ? (
        <p role="status" className="text-sm text-warning" data-testid="close-missing">
          The ledger does not cover {formatMonth(`${rec.month}-01`)} completely yet: {rec.missing.map((s) => STREAM_LABELS[s] ?? s).join(", ")}.{" "}
          {canSync ? (
            <a className="underline" href="/settings/sync">
              Sync them
            </a>
          ) : (
            "Ask an owner to sync them"
          )}
          , or download a partial pack (its manifest says “incomplete”).
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <DownloadLink href={packUrl} variant="primary" size="md">
          {incomplete && !closed ? "Download partial close pack" : "Download close pack"}
        </DownloadLink>
        <DownloadLink href={`/api/exports/focus?month=${rec.month}`}>FOCUS 1.2 CSV</DownloadLink>
        <DownloadLink href={`/api/reconciliation?month=${rec.month}&format=csv`}>Reconciliation CSV</DownloadLink>
        {closed ? null : (
          <Button onClick={() => close.mutate()} disabled={incomplete || close.isPending}>
            {close.isPending ? "Closing…" : "Close month"}
          </Button>
        )}
      </div>
      {close.isError ? <ErrorState title="Couldn't close the month" error={close.error} /> : null}
      {closed ? (
        <p className="text-sm" data-testid="close-closed">
          Closed {formatDateTime(closed.closed_at)} by {closed.closed_by} (status then: {closed.status}). The pack is served as it was closed.
        </p>
      ) : (
        <p className="text-xs text-muted">
          Closing stores this pack as it is now: later syncs that would change the month are listed below as post-close changes, never applied to it.
        </p>
      )}
    </div>
  );
}

function PostCloseChanges({ closed }: { closed: ClosedMonth }) {
  if (closed.changes.length === 0) return <p className="text-sm text-muted">No post-close changes: the ledger still says what was closed.</p>;
  return (
    <ScrollRegion label="Post-close changes" className="rounded-md border border-border" data-testid="post-close-changes">
      <Table>
        <TableCaption className="sr-only">Differences between the closed month and what the ledger says now</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Seen</TableHead>
            <TableHead>File or figure</TableHead>
            <TableHead>When closed</TableHead>
            <TableHead>Now</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {closed.changes.map((c, i) => (
            <TableRow key={i}>
              <TableCell className="whitespace-nowrap">{formatDateTime(c.detected_at)}</TableCell>
              <TableCell>{c.item}</TableCell>
              <TableCell className="max-w-48 truncate" title={c.closed_value}>
                {c.closed_value}
              </TableCell>
              <TableCell className="max-w-48 truncate" title={c.current_value}>
                {c.current_value}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

export function CloseView({ today, canSync }: { today: string; canSync: boolean }) {
  const months = endedMonths(today);
  const [p, setP] = useQueryStates({ month: parseAsString.withDefault("") });
  const month = months.includes(p.month) ? p.month : months[0]!;
  const rec = useQuery(reconciliationOptions(month));
  const closes = useQuery(monthClosesOptions());
  const closed = closes.data?.data.find((c) => c.month === month);
  return (
    <div className="space-y-4" data-testid="close-view">
      <label className={labelClass}>
        Month
        <select className={controlClass} value={month} onChange={(e) => void setP({ month: e.target.value })}>
          {months.map((m) => (
            <option key={m} value={m}>
              {formatMonth(`${m}-01`)}
              {closes.data?.data.some((c) => c.month === m) ? " (closed)" : ""}
            </option>
          ))}
        </select>
      </label>
      <QueryResult query={rec} label="the reconciliation">
        {({ data }) => (
          <>
            <Card aria-labelledby="close-title">
              <CardHeader
                title={<span id="close-title">Close {formatMonth(`${month}-01`)}</span>}
                description={
                  <span data-testid="close-status">
                    <Badge tone={STATUS_TEXT[data.status].tone}>{STATUS_TEXT[data.status].label}</Badge>
                  </span>
                }
              />
              <Actions rec={data} closed={closed} canSync={canSync} />
            </Card>
            <Card aria-labelledby="reconciliation-title">
              <CardHeader
                title={<span id="reconciliation-title">Reconciliation</span>}
                description="Each check's two figures, their difference and a verdict, to the cent. Usage lines may differ from the ledger's rollups by 0.5 % or $1.00, whichever is larger (records Telnyx rates late); everything else must match exactly."
              />
              <ScrollRegion label="Reconciliation checks" className="rounded-md border border-border">
                <Table data-testid="reconciliation-table">
                  <TableCaption className="sr-only">Reconciliation checks of {month}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Check</TableHead>
                      <TableHead align="right">First figure</TableHead>
                      <TableHead align="right">Second figure</TableHead>
                      <TableHead align="right">Difference</TableHead>
                      <TableHead>Verdict</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.checks.map((c) => (
                      <CheckRows key={c.id} check={c} currency={data.currency} />
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            </Card>
            {closed ? (
              <Card aria-labelledby="post-close-title">
                <CardHeader title={<span id="post-close-title">Post-close changes</span>} description="What the ledger says now that differs from the closed pack." />
                <PostCloseChanges closed={closed} />
              </Card>
            ) : null}
          </>
        )}
      </QueryResult>
    </div>
  );
}
