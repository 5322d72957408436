import { describe, expect, it } from "vitest";
import { compareWithCharges, exportTotals, ledgerTotals } from "./month-totals";

const fmt = (a: string) => `$${a}`;

describe("usage month totals", () => {
  it("adds every exported row's cost per currency, exactly", () => {
    const rows = [
      { cost: "0.0070", currency: "USD" },
      { cost: "0.0035", currency: "USD" },
      { cost: "", currency: "" },
      { cost: "1.5", currency: "EUR" },
    ];
    expect(exportTotals(rows)).toEqual({
      count: 4,
      costs: [
        { currency: "EUR", amount: "1.50" },
        { currency: "USD", amount: "0.01" },
      ],
    });
    expect(exportTotals([])).toEqual({ count: 0, costs: [] });
  });

  it("adds the ledger's rollups", () => {
    expect(ledgerTotals([{ count: 3, cost: "1.10", currency: "USD" }, { count: 2, cost: "0.90", currency: "USD" }])).toEqual({
      count: 5,
      costs: [{ currency: "USD", amount: "2.00" }],
    });
  });

  it("compares with the usage on Charges to the cent", () => {
    expect(compareWithCharges("12.004", "12.00", fmt)).toMatchObject({ matches: true, difference: "0.00" });
    expect(compareWithCharges("12.50", "12.00", fmt)).toEqual({
      matches: false,
      difference: "0.50",
      sentence: "Usage on Charges for this month is $12.00: the records come to $0.50 more.",
    });
    expect(compareWithCharges("11", "12.00", fmt).sentence).toBe("Usage on Charges for this month is $12.00: the records come to $1.00 less.");
  });
});
