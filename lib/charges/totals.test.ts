import { describe, expect, it } from "vitest";
import type { ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { compareSummaries } from "./compare";
import { monthlyPoint } from "./monthly";
import { summaryRows, summaryTotals, toDecimalString, totalsMismatch } from "./totals";
import { Big } from "@/lib/money";

// Amounts chosen so that float addition would be off: 0.1 + 0.2, and many small usage amounts.
const summary: ChargesSummary = {
  user_id: "u1",
  user_email: "billing@acme.example",
  start_date: "2025-05-01",
  end_date: "2025-06-01",
  currency: "USD",
  summary: {
    lines: [
      {
        type: "comparative",
        name: "Local DIDs",
        alias: "local",
        new_this_month: { quantity: 3, mrc: "0.10", otc: "0.20" },
        existing_this_month: { quantity: 40, mrc: "40.00" },
      },
      {
        type: "comparative",
        name: "E911 Address",
        alias: "e911",
        new_this_month: { quantity: 0, mrc: "0.00", otc: null },
        existing_this_month: { quantity: 12, mrc: "18.00" },
      },
      { type: "simple", name: "Outbound SMS", alias: "sms_outbound", quantity: 27_011, amount: "108.07" },
      { type: "simple", name: "Carrier fees", alias: "carrier_fees", quantity: 3, amount: "0.0075" },
    ],
    adjustments: [
      { amount: "-25.50", description: "Service credit: voice outage (SLA)", event_date: "2025-05-20" },
      { amount: "3.33", description: "Regulatory cost recovery", event_date: "2025-05-02" },
      { amount: "-1.01", description: "Tax adjustment", event_date: "2025-05-09" },
    ],
  },
  total: {
    new_mrc: "0.10",
    new_otc: "0.20",
    existing_mrc: "58.00",
    other: "108.0775",
    credits: "-25.50",
    ledger_adjustments: "2.32",
    grand_total: "143.1975",
  },
};

describe("summary totals", () => {
  it("sums lines and adjustments exactly (credits included)", () => {
    const t = summaryTotals(summary.summary);
    expect(t).toMatchObject({
      new_quantity: 3,
      existing_quantity: 52,
      new_mrc: "0.10",
      new_otc: "0.20",
      existing_mrc: "58.00",
      existing_otc: "0.00",
      other: "108.0775",
      adjustments: "-23.18",
      credits: "-26.51",
      grand_total: "143.1975",
    });
    expect(totalsMismatch(summary)).toEqual([]);
  });

  it("says which upstream totals disagree with the lines", () => {
    const wrong = { ...summary, total: { ...summary.total, grand_total: "143.20", other: "108.08" } };
    expect(totalsMismatch(wrong)).toEqual(["other", "grand_total"]);
  });

  it("handles an empty month and a month that is only a credit", () => {
    expect(summaryTotals({ lines: [], adjustments: [] }).grand_total).toBe("0.00");
    const creditOnly = summaryTotals({ lines: [], adjustments: [{ amount: "-60.50", description: "Goodwill credit", event_date: "2025-04-02" }] });
    expect(creditOnly).toMatchObject({ adjustments: "-60.50", credits: "-60.50", grand_total: "-60.50" });
  });

  it("writes decimals exactly with at least two places", () => {
    expect(toDecimalString(new Big("12.5"))).toBe("12.50");
    expect(toDecimalString(new Big("0.0075"))).toBe("0.0075");
    expect(toDecimalString(new Big("-0"))).toBe("0.00");
    expect(toDecimalString(new Big("1e3"))).toBe("1000.00");
  });

  it("builds table/CSV rows whose totals equal the sum of the line and adjustment amounts", () => {
    const rows = summaryRows(summary.summary);
    const body = rows.filter((r) => r.section === "line" || r.section === "adjustment");
    // The product families' subtotals add up to the lines.
    const families = rows.filter((r) => r.section === "family");
    expect(families.reduce((s, r) => s.plus(r.amount), new Big(0)).eq(rows.filter((r) => r.section === "line").reduce((s, r) => s.plus(r.amount), new Big(0)))).toBe(true);
    expect(rows.filter((r) => r.section === "line").every((r) => r.family !== "")).toBe(true);
    const total = rows.find((r) => r.alias === "grand_total")!;
    expect(body.reduce((s, r) => s.plus(r.amount), new Big(0)).eq(total.amount)).toBe(true);
    expect(rows.find((r) => r.alias === "local")).toMatchObject({ new_quantity: "3", new_mrc: "0.10", new_otc: "0.20", existing_mrc: "40.00", amount: "40.30" });
    // Adjustments by date.
    expect(rows.filter((r) => r.section === "adjustment").map((r) => r.date)).toEqual(["2025-05-02", "2025-05-09", "2025-05-20"]);
    expect(rows.some((r) => r.alias === "existing_otc")).toBe(false);
  });

  it("makes a chart point of a month by kind", () => {
    expect(monthlyPoint("2025-05", summary)).toMatchObject({
      month: "2025-05",
      start_date: "2025-05-01",
      end_date: "2025-06-01",
      new_mrc: "0.10",
      new_otc: "0.20",
      existing_mrc: "58.00",
      other: "108.0775",
      adjustments: "-23.18",
      total: "143.1975",
    });
  });
});

describe("month over month", () => {
  it("compares each line, including lines only one month has, with change and percent", () => {
    const previous = {
      lines: [
        { type: "comparative" as const, name: "Local DIDs", alias: "local", new_this_month: { quantity: 0, mrc: "0.00", otc: null }, existing_this_month: { quantity: 40, mrc: "40.00" } },
        { type: "simple" as const, name: "Outbound SMS", alias: "sms_outbound", quantity: 1, amount: "216.14" },
        { type: "simple" as const, name: "Verify (SMS)", alias: "verify", quantity: 1, amount: "9.00" },
      ],
      adjustments: [],
    };
    const rows = compareSummaries(summary.summary, previous);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.local).toMatchObject({ current: "40.30", previous: "40.00", change: "0.30", percent: "0.8" });
    expect(by.sms_outbound).toMatchObject({ change: "-108.07", percent: "-50.0" });
    expect(by.e911).toMatchObject({ previous: "0.00", percent: null });
    expect(by.verify).toMatchObject({ current: "0.00", change: "-9.00", percent: "-100.0" });
    expect(by.adjustments).toMatchObject({ current: "-23.18", previous: "0.00", percent: null });
    expect(by.total).toMatchObject({ current: "143.1975", previous: "265.14", change: "-121.9425" });
    expect(rows.at(-1)!.key).toBe("total");
  });
});

describe("percent change", () => {
  it("is only a percentage between charges; credits and zeros say why not", async () => {
    const { percentChange } = await import("./compare");
    const { Big } = await import("@/lib/money");
    expect(percentChange(new Big("0"), new Big("-48.00"))).toEqual({ percent: null, note: "credit" });
    expect(percentChange(new Big("-24"), new Big("-48.00"))).toEqual({ percent: null, note: "credit" });
    expect(percentChange(new Big("10"), new Big("-5"))).toEqual({ percent: null, note: "credit" });
    expect(percentChange(new Big("0"), new Big("0"))).toEqual({ percent: null, note: "both_zero" });
    expect(percentChange(new Big("5"), new Big("0"))).toEqual({ percent: null, note: "new" });
    expect(percentChange(new Big("0"), new Big("9"))).toEqual({ percent: "-100.0", note: null });
    expect(percentChange(new Big("12"), new Big("8"))).toEqual({ percent: "50.0", note: null });
  });
});
