"use client";

import { useQueryStates } from "nuqs";
import { tabPanelProps, TabNav } from "@/components/ui/tab-nav";
import { ActionLogPanel } from "./action-log-panel";
import { AuditEventsPanel } from "./audit-events-panel";
import { KeptAuditEvents } from "./kept-audit-events";
import { auditSearchParams } from "./search-params";

/** Telnyx's audit log, the dashboard's kept copy of it (searchable) and its own action log, as tabs. */
export function AuditLogView() {
  const [{ tab }, setP] = useQueryStates(auditSearchParams, { history: "push" });
  const show = (t: "events" | "actions" | "kept") => void setP({ tab: t });
  return (
    <>
      <TabNav
        label="Audit logs"
        idPrefix="audit"
        selected={tab}
        onSelect={show}
        tabs={[
          { id: "events", label: "Telnyx audit log" },
          { id: "kept", label: "Dashboard's copy" },
          { id: "actions", label: "Dashboard actions" },
        ]}
      />
      <div {...tabPanelProps("audit", tab)}>
        {tab === "events" ? <AuditEventsPanel onShowActions={() => show("actions")} /> : tab === "kept" ? <KeptAuditEvents /> : <ActionLogPanel />}
      </div>
    </>
  );
}
