import { describe, expect, it } from "vitest";
import { breakdownRows, breakdownTotal, costByChargeType, filterBreakdown, sortBreakdown, visibleBreakdown } from "./breakdown";

const breakdown = {
  results: [
    {
      tn: "+12015550100",
      charge_type: "local",
      service_owner_user_id: "u1",
      service_owner_email: "billing@acme.example",
      services: [
        { cost_type: "MRC", name: "Local DIDs", cost: "1.00" },
        { cost_type: "MRC", name: "E911 Address", cost: "1.50" },
        { cost_type: "OTC", name: "Local DIDs", cost: "1.00" },
      ],
    },
    { tn: "+18005550100", charge_type: "toll_free", service_owner_user_id: "u2", service_owner_email: "ana.okafor@acme.example", services: [{ cost_type: "MRC", name: "Toll-Free DIDs", cost: "2.00" }] },
    { tn: "+442079460001", charge_type: "international", service_owner_user_id: "u1", service_owner_email: "billing@acme.example", services: [{ cost_type: "MRC", name: "International DIDs", cost: "3.00" }] },
    { tn: "+12025550100", charge_type: "local", service_owner_user_id: "u1", service_owner_email: "billing@acme.example", services: [{ cost_type: "MRC", name: "Local DIDs", cost: "0.10" }, { cost_type: "MRC", name: "CNAM Listing", cost: "0.20" }] },
  ],
};

describe("charges breakdown", () => {
  const rows = breakdownRows(breakdown);

  it("makes one row per number with its exact total cost", () => {
    expect(rows[0]).toEqual({
      tn: "+12015550100",
      charge_type: "local",
      owner_email: "billing@acme.example",
      owner_id: "u1",
      services: "Local DIDs (MRC); E911 Address (MRC); Local DIDs (OTC)",
      cost: "3.50",
    });
    expect(rows[3]!.cost).toBe("0.30");
    expect(breakdownTotal(rows)).toBe("8.80");
  });

  it("searches numbers with or without punctuation, and owners, types and services", () => {
    expect(filterBreakdown(rows, "201 555").map((r) => r.tn)).toEqual(["+12015550100"]);
    expect(filterBreakdown(rows, "+1 (800)").map((r) => r.tn)).toEqual(["+18005550100"]);
    expect(filterBreakdown(rows, "OKAFOR")).toHaveLength(1);
    expect(filterBreakdown(rows, "cnam")).toHaveLength(1);
    expect(filterBreakdown(rows, "international")).toHaveLength(1);
    expect(filterBreakdown(rows, "  ")).toHaveLength(4);
  });

  it("sorts by cost as decimals, then by number", () => {
    expect(sortBreakdown(rows, "-cost").map((r) => r.cost)).toEqual(["3.50", "3.00", "2.00", "0.30"]);
    expect(sortBreakdown(rows, "cost").map((r) => r.cost)).toEqual(["0.30", "2.00", "3.00", "3.50"]);
    expect(sortBreakdown(rows, "charge_type").map((r) => r.tn)).toEqual(["+442079460001", "+12015550100", "+12025550100", "+18005550100"]);
    expect(visibleBreakdown(rows, "local", "-tn").map((r) => r.tn)).toEqual(["+12025550100", "+12015550100"]);
  });

  it("totals cost per charge type", () => {
    expect(costByChargeType(rows)).toEqual([
      { charge_type: "local", numbers: 2, cost: "3.80" },
      { charge_type: "international", numbers: 1, cost: "3.00" },
      { charge_type: "toll_free", numbers: 1, cost: "2.00" },
    ]);
  });
});
