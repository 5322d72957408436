"use client";

import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { LoadingBlock } from "@/components/ui/skeleton";
import { tabPanelProps, TabNav } from "@/components/ui/tab-nav";
import { AuditEventsPanel } from "./audit-events-panel";
import { auditSearchParams } from "./search-params";

// The other two tabs load when opened (or with the page when its address opens one of them).
const KeptAuditEvents = dynamic(() => import("./kept-audit-events").then((m) => m.KeptAuditEvents), {
  loading: () => <LoadingBlock label="the dashboard's copy" />,
});
const ActionLogPanel = dynamic(() => import("./action-log-panel").then((m) => m.ActionLogPanel), {
  loading: () => <LoadingBlock label="the dashboard's actions" />,
});

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
