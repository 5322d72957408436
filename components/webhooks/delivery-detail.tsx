"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { JsonTree } from "@/components/json/json-tree";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { formatDateTimeExact } from "@/lib/format";
import { operationQuery } from "@/lib/query/operation-query";
import { chronologicalAttempts, deliveryDurationMs, formatDuration, webhookRequestBody } from "@/lib/webhooks/deliveries";
import { AttemptTimeline } from "./attempt-timeline";
import { StatusBadge } from "./deliveries-table/columns";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function Id({ value }: { value: string | undefined }) {
  if (!value) return <span className="text-muted">—</span>;
  return (
    <span className="flex items-center gap-1">
      <span className="break-all font-mono text-xs">{value}</span>
      <CopyButton value={value} />
    </span>
  );
}

const when = (iso: string | undefined) =>
  iso ? (
    <>
      {formatDateTimeExact(iso)} <span className="font-mono text-xs text-muted">({iso})</span>
    </>
  ) : (
    "—"
  );

function Delivery({ id }: { id: string }) {
  const { data } = useSuspenseQuery(operationQuery("webhookDelivery", { id }));
  const d = data.data;
  const attempts = chronologicalAttempts(d);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-mono text-lg font-semibold" data-testid="delivery-event-type">{d.webhook?.event_type ?? "(no event type)"}</h2>
        <StatusBadge status={d.status} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="delivery-summary">
          <CardHeader title={<span id="delivery-summary">Summary</span>} />
          <dl className="text-sm">
            <Row label="Delivery id"><Id value={d.id} /></Row>
            <Row label="Event id"><Id value={d.webhook?.id} /></Row>
            <Row label="Event occurred">{when(d.webhook?.occurred_at)}</Row>
            <Row label="First attempt">{when(d.started_at)}</Row>
            <Row label="Finished">{when(d.finished_at)}</Row>
            <Row label="Attempts"><span data-testid="delivery-attempt-count">{attempts.length}</span></Row>
            <Row label="Total duration">{formatDuration(deliveryDurationMs(d))}</Row>
          </dl>
        </Card>
        <Card aria-labelledby="delivery-payload">
          <CardHeader title={<span id="delivery-payload">Event payload</span>} description="What Telnyx sent, as a collapsible tree. Every value is shown as text." />
          <JsonTree value={d.webhook ?? {}} label="event payload" openDepth={2} />
        </Card>
      </div>
      <Card aria-labelledby="delivery-attempts">
        <CardHeader title={<span id="delivery-attempts">Attempts</span>} description="Oldest first. Response bodies are kept by Telnyx up to 10 kB." />
        <AttemptTimeline attempts={attempts} body={webhookRequestBody(d)} />
      </Card>
    </div>
  );
}

export function DeliveryDetail({ id }: { id: string }) {
  return (
    <QueryBoundary label="the webhook delivery">
      <Delivery id={id} />
    </QueryBoundary>
  );
}
