import { describe, expect, it } from "vitest";
import type { BreakdownRow } from "./breakdown";
import { packRows, packView, unpackRows, unpackView } from "./breakdown-packed";
import type { BreakdownView } from "./breakdown-view";

const rows: BreakdownRow[] = Array.from({ length: 50 }, (_, i) => ({
  tn: `+1201555${String(i).padStart(4, "0")}`,
  charge_type: ["local", "toll_free"][i % 2]!,
  owner_email: `owner${i % 3}@acme.example`,
  owner_id: `u${i % 3}`,
  services: i % 5 ? "Local DIDs (MRC)" : "Local DIDs (MRC); E911 Address (MRC)",
  cost: `${i}.${i % 2 ? "5" : "0075"}`,
}));

describe("the breakdown's packed rows", () => {
  it("come back exactly as they were, in order, money as the same strings", () => {
    const packed = packRows(rows);
    expect(packed.cells).toHaveLength(rows.length * 6);
    // Shared text once: 2 types, 3 owners, 3 ids, 2 service lists.
    expect(packed.text).toHaveLength(10);
    expect(unpackRows(JSON.parse(JSON.stringify(packed)))).toEqual(rows);
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it("is much smaller as JSON than the rows", () => {
    expect(JSON.stringify(packRows(rows)).length).toBeLessThan(JSON.stringify(rows).length / 2.5);
  });

  it("keeps the rest of the view", () => {
    const view: BreakdownView = {
      start_date: "2026-10-01",
      end_date: "2026-11-01",
      currency: "USD",
      numbers: 50,
      total: "1.00",
      costs: [{ charge_type: "local", numbers: 25, cost: "0.50" }],
      sort: "tn",
      q: "",
      matched: 50,
      matched_total: "1.00",
      rows,
    };
    expect(unpackView(JSON.parse(JSON.stringify(packView(view))))).toEqual(view);
  });

  it("refuses what it could not have written", () => {
    const good = packRows(rows.slice(0, 2));
    expect(() => unpackRows({ ...good, cells: good.cells.slice(0, 5) })).toThrow(/malformed/);
    expect(() => unpackRows({ ...good, cells: good.cells.map((c, i) => (i === 1 ? 99 : c)) })).toThrow(/malformed/);
    expect(() => unpackRows({ ...good, cells: good.cells.map((c, i) => (i === 0 ? 5 : c)) })).toThrow(/malformed/);
    expect(() => unpackRows({ ...good, cells: good.cells.map((c, i) => (i === 5 ? null : c)) as never })).toThrow(/malformed/);
    expect(() => unpackRows({ text: null, cells: [] } as never)).toThrow(/malformed/);
  });
});
