"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { LoadingBlock } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { apiFetch } from "@/lib/api/fetcher";
import { queryKeys } from "@/lib/query/keys";
import { formatCount, formatDateTime } from "@/lib/format";
import type { StreamStatus } from "@/lib/ledger/read";

type SyncStatus = { data: StreamStatus[]; meta: { database_bytes: number; engine: string } };

export const syncStatusQuery = queryOptions({
  queryKey: queryKeys.dashboard.syncStatus(),
  queryFn: ({ signal }) => apiFetch<SyncStatus>("/api/sync/status", { signal }),
  // The worker moves on its own: keep the page current while it is open.
  refetchInterval: 10_000,
});

const LABELS: Record<string, string> = {
  balance: "Balance snapshots",
  charges: "Monthly charges",
  invoices: "Invoices and PDFs",
  audit_events: "Audit events",
  webhook_deliveries: "Webhook deliveries",
  usage: "Usage rollups",
};

function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function cursorText(cursor: unknown): string {
  if (cursor === null || cursor === undefined) return "—";
  const text = JSON.stringify(cursor);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function StreamState({ s }: { s: StreamStatus }) {
  if (s.running) return <Badge tone="accent">Running</Badge>;
  if (s.paused_until) return <Badge tone="warning">Paused until {formatDateTime(s.paused_until)}</Badge>;
  if (s.last_error) return <Badge tone="danger">Failed</Badge>;
  if (!s.last_success_at) return <Badge>Not synced yet</Badge>;
  return <Badge tone="success">Up to date</Badge>;
}

/** Each ledger stream's state, with "Sync now" (owners). */
export function SyncStatusCard() {
  const queryClient = useQueryClient();
  const query = useQuery(syncStatusQuery);
  const [queued, setQueued] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => apiFetch<{ data: { queued: string[] } }>("/api/sync/run", { method: "POST", body: "{}" }),
    onSuccess: (res) => {
      setQueued(`Queued: ${res.data.queued.map((s) => LABELS[s] ?? s).join(", ")}. The worker picks them up within seconds.`);
      void queryClient.invalidateQueries({ queryKey: syncStatusQuery.queryKey });
    },
  });

  return (
    <Card aria-labelledby="sync-title">
      <CardHeader
        title={<span id="sync-title">Ledger streams</span>}
        description={
          query.data
            ? `Database (${query.data.meta.engine}): ${bytes(query.data.meta.database_bytes)}`
            : "The dashboard's own copy of the account's billing history."
        }
        actions={
          <Button onClick={() => run.mutate()} disabled={run.isPending}>
            {run.isPending ? "Queuing…" : "Sync now"}
          </Button>
        }
      />
      {run.isError ? <ErrorState title="Couldn't queue the sync" error={run.error} /> : null}
      {queued ? (
        <p role="status" className="mb-2 text-sm text-muted">
          {queued}
        </p>
      ) : null}
      {query.isPending ? (
        <LoadingBlock label="sync status" lines={6} />
      ) : query.isError ? (
        <ErrorState title="Couldn't load the sync status" error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.data.every((s) => !s.last_success_at && !s.last_error && !s.running) ? (
        <EmptyState title="Nothing synced yet">
          The worker starts with the server and fills the ledger within minutes; “Sync now” starts it at once.
        </EmptyState>
      ) : (
        <ScrollRegion label="Ledger streams">
          <Table density="card" className="table-auto">
            <TableCaption>Each ledger stream with its last sync, rows kept and upstream calls today</TableCaption>
            <TableHeader>
              <tr>
                <TableHead>Stream</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Last success</TableHead>
                <TableHead numeric>Rows</TableHead>
                <TableHead numeric>Calls today</TableHead>
                <TableHead>Cursor</TableHead>
                <TableHead>Last error</TableHead>
              </tr>
            </TableHeader>
            <TableBody>
              {query.data.data.map((s) => (
                <TableRow key={s.stream} className="align-top">
                  <TableRowHead className="font-medium">{LABELS[s.stream] ?? s.stream}</TableRowHead>
                  <TableCell>
                    <StreamState s={s} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {s.last_success_at ? <time dateTime={s.last_success_at}>{formatDateTime(s.last_success_at)}</time> : "never"}
                  </TableCell>
                  <TableCell numeric>{formatCount(s.rows)}</TableCell>
                  <TableCell numeric>{formatCount(s.calls_today)}</TableCell>
                  <TableCell className="max-w-[16rem] truncate font-mono text-xs" title={JSON.stringify(s.cursor)}>
                    {cursorText(s.cursor)}
                  </TableCell>
                  <TableCell className="text-xs text-danger">
                    {s.last_error ? (
                      <>
                        {s.last_error}
                        {s.last_error_at ? <span className="block text-muted">{formatDateTime(s.last_error_at)}</span> : null}
                      </>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}
