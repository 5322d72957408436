import { describe, expect, it } from "vitest";
import { Big } from "@/lib/money";
import { BREAKDOWN_SORTS, breakdownRows, breakdownTotal, costByChargeType, filterBreakdown, sortBreakdown, visibleBreakdown, type BreakdownRow, type BreakdownSort } from "./breakdown";

/** The order as first written: one comparator, Big per cost comparison, localeCompare for text. */
function referenceSort(rows: readonly BreakdownRow[], sort: BreakdownSort): BreakdownRow[] {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as "tn" | "charge_type" | "owner" | "cost";
  return [...rows].sort((a, b) => {
    const c =
      field === "cost" ? new Big(a.cost).cmp(b.cost) : field === "owner" ? a.owner_email.localeCompare(b.owner_email) : a[field].localeCompare(b[field]);
    return (desc ? -c : c) || a.tn.localeCompare(b.tn);
  });
}

/** Shuffled rows with many ties: few types and owners, costs repeated and differing past a float's precision. */
function manyRows(n: number): BreakdownRow[] {
  let x = 11;
  const next = (m: number) => (x = (x * 1103515245 + 12345) % 2 ** 31) % m;
  const costs = ["1.00", "1.0", "0.30000000000000001", "0.3", "-2.50", "12", "0.0075", "100.10", "99.999"];
  const owners = ["b@x.example", "a@x.example", "Ä@x.example", "z@x.example"];
  return Array.from({ length: n }, (_, i) => ({
    tn: `+1${String(next(10_000_000)).padStart(7, "0")}${i % 3}`,
    charge_type: ["local", "toll_free", "international", "Local"][next(4)]!,
    owner_email: owners[next(owners.length)]!,
    owner_id: "u",
    services: "s",
    cost: costs[next(costs.length)]!,
  }));
}

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

  it("sorts many rows exactly as one comparator of Big and localeCompare would", () => {
    const many = manyRows(2_000);
    for (const sort of BREAKDOWN_SORTS) expect(sortBreakdown(many, sort), sort).toEqual(referenceSort(many, sort));
    // A difference a float would lose still orders the rows.
    expect(sortBreakdown(many, "cost").findIndex((r) => r.cost === "0.30000000000000001")).toBeGreaterThan(
      sortBreakdown(many, "cost").findLastIndex((r) => r.cost === "0.3"),
    );
  });

  it("totals cost per charge type", () => {
    expect(costByChargeType(rows)).toEqual([
      { charge_type: "local", numbers: 2, cost: "3.80" },
      { charge_type: "international", numbers: 1, cost: "3.00" },
      { charge_type: "toll_free", numbers: 1, cost: "2.00" },
    ]);
  });
});

describe("sorting rows that already come by number", () => {
  it("gives the order a full sort gives (ties by number), without the first pass", () => {
    const rows = breakdownRows({
      results: Array.from({ length: 60 }, (_, i) => ({
        tn: `+1312555${String((i * 7) % 60).padStart(4, "0")}`,
        charge_type: ["local", "toll_free", "international"][i % 3]!,
        service_owner_user_id: `u${i % 4}`,
        service_owner_email: `o${i % 4}@x.example`,
        services: [{ cost_type: "MRC", name: "Local DIDs", cost: `${i % 4}.${i % 2 ? "50" : "5"}` }],
      })),
    });
    const byTn = sortBreakdown(rows, "tn");
    for (const sort of BREAKDOWN_SORTS) expect(sortBreakdown(byTn, sort, { alreadyByTn: true }), sort).toEqual(sortBreakdown(rows, sort));
  });
});
