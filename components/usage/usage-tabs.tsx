"use client";

// The usage page's two views: Telnyx's detail records (live) and the ledger's cost per day.
import { useQueryStates } from "nuqs";
import { TabNav, tabPanelProps } from "@/components/ui/tab-nav";
import { CostByTagView } from "./cost-by-tag-view";
import { CostPerDayView } from "./cost-per-day-view";
import { usageViewParam, type UsageViewId } from "./search-params";
import { UsageView } from "./usage-view";

const TABS: { id: UsageViewId; label: string }[] = [
  { id: "records", label: "Detail records" },
  { id: "daily", label: "Cost per day" },
  { id: "tags", label: "Cost by tag" },
];

export function UsageTabs({ today }: { today: string }) {
  const [{ view }, setView] = useQueryStates(usageViewParam, { history: "push" });
  return (
    <>
      <TabNav tabs={TABS} selected={view} onSelect={(v) => void setView({ view: v })} label="Usage views" idPrefix="usage" />
      <div {...tabPanelProps("usage", view)}>{view === "daily" ? <CostPerDayView today={today} /> : view === "tags" ? <CostByTagView today={today} /> : <UsageView today={today} />}</div>
    </>
  );
}
