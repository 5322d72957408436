import { describe, expect, it } from "vitest";
import { BREAKDOWN_SORTS, breakdownRows, costByChargeType, visibleBreakdown } from "./breakdown";
import { breakdownView, firstScreenFor, prepareBreakdown, preparedFromView, sliceBreakdown, type BreakdownFirstScreen } from "./breakdown-view";

const types = ["local", "toll_free", "international"];
const breakdown = {
  user_id: "u",
  user_email: "billing@acme.example",
  currency: "USD",
  start_date: "2026-10-01",
  end_date: "2026-11-01",
  // Not in number order, costs with ties and uneven decimals.
  results: Array.from({ length: 120 }, (_, i) => ({
    tn: `+1201555${String((i * 37) % 1000).padStart(4, "0")}`,
    charge_type: types[i % 3]!,
    service_owner_user_id: `u${i % 4}`,
    service_owner_email: `owner${i % 4}@acme.example`,
    services: [
      { cost_type: "MRC", name: "Local DIDs", cost: `${i % 5}.${i % 2 ? "5" : "25"}` },
      ...(i % 7 === 0 ? [{ cost_type: "OTC", name: "E911 Address", cost: "0.0075" }] : []),
    ],
  })),
};

describe("the breakdown view", () => {
  const rows = breakdownRows(breakdown);

  it("sends the first rows of the order and search the table shows (and the CSV has)", () => {
    for (const sort of BREAKDOWN_SORTS)
      for (const q of ["", "toll", "owner1", "201 555 00"]) {
        const expected = visibleBreakdown(rows, q, sort);
        const view = breakdownView(breakdown, { q, sort, limit: 10 });
        expect(view.rows, `${sort} ${q}`).toEqual(expected.slice(0, 10));
        expect(view.matched).toBe(expected.length);
        expect(breakdownView(breakdown, { q, sort }).rows).toEqual(expected);
      }
  });

  it("totals all numbers, and the matching ones apart", () => {
    const view = breakdownView(breakdown, { q: "toll", sort: "-cost", limit: 5 });
    expect(view.numbers).toBe(120);
    expect(view.costs).toEqual(costByChargeType(rows));
    expect(view.total).toBe(breakdownView(breakdown, { sort: "tn" }).matched_total);
    expect(view.matched).toBe(40);
    expect(view.matched_total).toBe(costByChargeType(rows).find((c) => c.charge_type === "toll_free")!.cost);
    expect(view.matched_total).not.toBe(view.total);
    expect(view).toMatchObject({ start_date: "2026-10-01", end_date: "2026-11-01", currency: "USD", sort: "-cost", q: "toll" });
  });

  it("computes the rows once per breakdown read, and each order once", () => {
    const first = breakdownView(breakdown, { sort: "cost" }).rows;
    expect(prepareBreakdown(breakdown)).toBe(prepareBreakdown(breakdown));
    expect(prepareBreakdown(breakdown).sorted.get("cost")).toEqual(first);
    expect(prepareBreakdown({ ...breakdown })).not.toBe(prepareBreakdown(breakdown));
  });

  it("slices the same in the browser from all rows by number as on the server", () => {
    const all = breakdownView(breakdown, { sort: "tn" });
    const local = preparedFromView(structuredClone(all));
    for (const sort of BREAKDOWN_SORTS)
      for (const q of ["", "international", "4.5"]) expect(sliceBreakdown(local, { q, sort, limit: 7 })).toEqual(breakdownView(breakdown, { q, sort, limit: 7 }));
    expect(() => preparedFromView(breakdownView(breakdown, { sort: "tn", limit: 3 }))).toThrow();
    expect(() => preparedFromView(breakdownView(breakdown, { sort: "-cost" }))).toThrow();
  });
});

describe("the first screen the page streams", () => {
  const params = { start_date: "2026-10-01", end_date: "2026-11-01", q: "", sort: "-cost" as const, limit: 40 };
  const initial: BreakdownFirstScreen = { params, value: { data: breakdownView(breakdown, params) } };

  it("is used for exactly the period, search, order and size it was read for", () => {
    expect(firstScreenFor(initial, { ...params })).toBe(initial.value);
    expect(firstScreenFor(initial, { ...params, sort: "cost" })).toBeUndefined();
    expect(firstScreenFor(initial, { ...params, q: "toll" })).toBeUndefined();
    expect(firstScreenFor(initial, { ...params, start_date: "2026-09-01", end_date: "2026-10-01" })).toBeUndefined();
    expect(firstScreenFor(initial, { ...params, end_date: "2026-10-31" })).toBeUndefined();
    expect(firstScreenFor(initial, { ...params, limit: 80 })).toBeUndefined();
  });

  it("is nothing when the page's read failed (resolved to null)", () => {
    expect(firstScreenFor(null, params)).toBeUndefined();
  });
});
