// The cells of a webhook delivery row (status, event type linking to the detail page, timing).
import { AppLink } from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { chronologicalAttempts, deliveryDurationMs, formatDuration, lastAttempt, responseStatus } from "@/lib/webhooks/deliveries";

export function StatusBadge({ status }: { status: WebhookDelivery["status"] | undefined }) {
  if (!status) return <Badge>unknown</Badge>;
  return <Badge tone={status === "delivered" ? "success" : "danger"}>{status}</Badge>;
}

export function DeliveryHeaderRow() {
  return (
    <tr>
      <TableHead>Status</TableHead>
      <TableHead>Event type</TableHead>
      <TableHead>First attempt</TableHead>
      <TableHead align="right">Attempts</TableHead>
      <TableHead align="right">Last HTTP status</TableHead>
      <TableHead align="right">Total duration</TableHead>
    </tr>
  );
}

export function DeliveryRow({ d, endpoint }: { d: WebhookDelivery; endpoint?: string }) {
  const attempts = chronologicalAttempts(d);
  const toEndpoint = endpoint ? attempts.filter((a) => a.http?.request?.url === endpoint) : [];
  const failedToEndpoint = toEndpoint.filter((a) => a.status === "failed").length;
  const last = lastAttempt(d);
  const status = responseStatus(last);
  return (
    <TableRow className="hover:bg-bg" data-testid="delivery-row">
      <TableCell>
        <StatusBadge status={d.status} />
      </TableCell>
      <TableCell>
        <AppLink href={`/webhooks/${d.id}`} className="font-mono text-xs text-accent underline-offset-2 hover:underline">
          {d.webhook?.event_type ?? "(no event type)"}
        </AppLink>
      </TableCell>
      <TableCell className="tabular whitespace-nowrap text-xs">{d.started_at ? formatDateTime(d.started_at) : "—"}</TableCell>
      <TableCell align="right" className="tabular whitespace-nowrap">
        {attempts.length}
        {endpoint && toEndpoint.length ? (
          <mark className="ml-1 rounded bg-warning/15 px-1 text-xs text-fg" data-testid="endpoint-attempts">
            {toEndpoint.length} to this endpoint{failedToEndpoint ? `, ${failedToEndpoint} failed` : ""}
          </mark>
        ) : null}
      </TableCell>
      <TableCell align="right" className="tabular">
        {status !== null ? (
          <span className={status >= 200 && status < 300 ? "text-success" : "text-danger"}>{status}</span>
        ) : last?.errors?.length ? (
          <span className="text-danger" title="No HTTP response">
            error {last.errors.join(", ")}
          </span>
        ) : (
          <span className="text-muted">—</span>
        )}
      </TableCell>
      <TableCell align="right" className="tabular whitespace-nowrap text-xs">
        {formatDuration(deliveryDurationMs(d))}
      </TableCell>
    </TableRow>
  );
}
