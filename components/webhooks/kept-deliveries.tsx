"use client";

import { KeptSearchPanel } from "@/components/ledger/kept-search";
import { ClippedText } from "@/components/ui/clipped-text";
import { formatDateTime } from "@/lib/format";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { StatusBadge } from "./deliveries-table/columns";

/** Search over every webhook delivery the ledger kept (past Telnyx's filters and retention). */
export function KeptDeliveries() {
  return (
    <KeptSearchPanel<WebhookDelivery>
      stream="webhook-deliveries"
      noun="webhook deliveries"
      one="webhook delivery"
      hint="Matches delivery and event ids, event types, target URLs and statuses."
      columns={[
        { header: "Started", cell: (d) => <span className="whitespace-nowrap">{d.started_at ? formatDateTime(d.started_at) : "—"}</span> },
        { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
        { header: "Event type", cell: (d) => d.webhook?.event_type ?? "—" },
        { header: "Target", cell: (d) => d.attempts?.at(-1)?.http?.request?.url ? <ClippedText text={d.attempts.at(-1)!.http!.request!.url!} label="URL" className="max-w-[20rem] text-xs" /> : "—" },
        { header: "Id", cell: (d) => <code className="text-xs break-all">{d.id}</code> },
      ]}
    />
  );
}
