import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/lib/telnyx/schemas/audit-events";
import { facetCounts, filterEvents } from "./filter-events";

const ev = (i: number, over: Partial<AuditEvent>): AuditEvent => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  created_at: "2025-05-01T00:00:00Z",
  ...over,
});

const events = [
  ev(1, { change_made_by: "telnyx", change_type: "delete", record_type: "phone_number", resource_id: "1400", alternate_resource_id: "+15551230000" }),
  ev(2, { change_made_by: "account_owner", change_type: "update", record_type: "phone_number", resource_id: "1401" }),
  ev(3, { change_made_by: "account_owner", change_type: "update", record_type: "auto_recharge_pref", resource_id: "ARP-1" }),
  ev(4, { change_made_by: "organization_member", change_type: "create", record_type: "user", resource_id: "u-9", alternate_resource_id: "ana@x.com" }),
];
const none = { by: [], change: [], resource: [], q: "" };

describe("audit quick filters", () => {
  it("passes everything through with no filter", () => {
    expect(filterEvents(events, none)).toHaveLength(4);
  });

  it("combines facets with AND and values within a facet with OR", () => {
    const f = { ...none, by: ["account_owner", "telnyx"], change: ["update"] };
    expect(filterEvents(events, f).map((e) => e.resource_id)).toEqual(["1401", "ARP-1"]);
  });

  it("searches resource and alternate ids, ignoring case", () => {
    expect(filterEvents(events, { ...none, q: "arp" }).map((e) => e.resource_id)).toEqual(["ARP-1"]);
    expect(filterEvents(events, { ...none, q: "ANA@" }).map((e) => e.resource_id)).toEqual(["u-9"]);
    expect(filterEvents(events, { ...none, q: "555123" }).map((e) => e.resource_id)).toEqual(["1400"]);
  });

  it("counts a facet under the other filters but not its own", () => {
    const f = { ...none, by: ["account_owner"], change: ["update"] };
    expect(Object.fromEntries(facetCounts(events, f, "by"))).toEqual({ account_owner: 2 });
    expect(Object.fromEntries(facetCounts(events, f, "change"))).toEqual({ update: 2 });
    expect(Object.fromEntries(facetCounts(events, none, "by"))).toEqual({ telnyx: 1, account_owner: 2, organization_member: 1 });
  });
});
