"use client";

import { KeptSearchPanel } from "@/components/ledger/kept-search";
import { formatDateTime } from "@/lib/format";
import type { AuditEvent } from "@/lib/telnyx/schemas/audit-events";

/** The audit log's "Dashboard's copy" tab: search over every audit event the ledger kept. */
export function KeptAuditEvents() {
  return (
    <KeptSearchPanel<AuditEvent>
      stream="audit-events"
      noun="audit events"
      one="audit event"
      hint="Matches resource ids, changed fields and their values, and event types."
      columns={[
        { header: "When", cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.created_at)}</span> },
        { header: "Type", cell: (e) => [e.record_type, e.change_type].filter(Boolean).join(" · ") },
        { header: "Resource", cell: (e) => <code className="text-xs break-all">{e.resource_id ?? "—"}</code> },
        { header: "Changed", cell: (e) => (e.changes ?? []).map((c) => c.field).filter(Boolean).join(", ") || "—" },
      ]}
    />
  );
}
