"use client";

import { useQueryStates } from "nuqs";
import { tabPanelProps, TabNav } from "@/components/ui/tab-nav";
import { ActionLogPanel } from "./action-log-panel";
import { AuditEventsPanel } from "./audit-events-panel";
import { auditSearchParams } from "./search-params";

/** Telnyx's audit log and the dashboard's own action log, side by side as tabs. */
export function AuditLogView() {
  const [{ tab }, setP] = useQueryStates(auditSearchParams, { history: "push" });
  const show = (t: "events" | "actions") => void setP({ tab: t });
  return (
    <>
      <TabNav
        label="Audit logs"
        idPrefix="audit"
        selected={tab}
        onSelect={show}
        tabs={[
          { id: "events", label: "Telnyx audit log" },
          { id: "actions", label: "Dashboard actions" },
        ]}
      />
      <div {...tabPanelProps("audit", tab)}>
        {tab === "events" ? <AuditEventsPanel onShowActions={() => show("actions")} /> : <ActionLogPanel />}
      </div>
    </>
  );
}
