import { describe, expect, it } from "vitest";
import type { BalancePoint, DailySpend } from "@/lib/ledger/read";
import { balanceChartRows, dailyTotals, pivotDailySpend, trailingRates } from "./series";

const point = (at: string, balance: string, source: BalancePoint["source"] = "snapshot", currency = "USD"): BalancePoint => ({
  at,
  balance,
  available_credit: balance,
  pending: source === "snapshot" ? "0.00" : null,
  currency,
  source,
});
const spend = (date: string, cost: string, key: string | null = "messaging", currency = "USD", count = 1): DailySpend => ({ date, key, count, cost, currency });

describe("balanceChartRows", () => {
  it("keeps reconstructed points apart and joins their line to the first snapshot", () => {
    const rows = balanceChartRows([
      point("2026-11-01T00:00:00.000Z", "120.00", "reconstructed"),
      point("2026-11-02T00:00:00.000Z", "110.00", "reconstructed"),
      point("2026-11-02T10:00:00.000Z", "105.50"),
      point("2026-11-02T11:00:00.000Z", "104.00"),
    ]);
    expect(rows.map((r) => [r.source, r.reconstructed, r.snapshot])).toEqual([
      ["reconstructed", 120, null],
      ["reconstructed", 110, null],
      ["snapshot", 105.5, 105.5],
      ["snapshot", null, 104],
    ]);
  });

  it("keeps the last snapshot of each hour, so a top-up stays a step and 5-minute snapshots don't flood the chart", () => {
    const rows = balanceChartRows([
      point("2026-11-02T10:00:00.000Z", "10.00"),
      point("2026-11-02T10:05:00.000Z", "9.00"),
      point("2026-11-02T10:55:00.000Z", "109.00"),
      point("2026-11-02T11:00:00.000Z", "108.00"),
    ]);
    expect(rows.map((r) => [r.at, r.balance])).toEqual([
      ["2026-11-02T10:55:00.000Z", "109.00"],
      ["2026-11-02T11:00:00.000Z", "108.00"],
    ]);
    expect(rows.every((r) => r.reconstructed === null)).toBe(true);
  });

  it("draws only the latest point's currency", () => {
    const rows = balanceChartRows([point("2026-11-01T00:00:00.000Z", "5.00", "snapshot", "EUR"), point("2026-11-02T00:00:00.000Z", "7.00")]);
    expect(rows.map((r) => r.balance)).toEqual(["7.00"]);
    expect(balanceChartRows([])).toEqual([]);
  });
});

describe("dailyTotals", () => {
  it("sums every key of a day exactly, fills days without usage with 0 and ignores other currencies", () => {
    const rows = [spend("2026-11-01", "0.1"), spend("2026-11-01", "0.2", "voice", "USD", 2), spend("2026-11-03", "1.005"), spend("2026-11-01", "9", null, "EUR")];
    expect(dailyTotals(rows, "2026-11-01", "2026-11-04", "USD")).toEqual([
      { date: "2026-11-01", cost: "0.3", count: 3 },
      { date: "2026-11-02", cost: "0", count: 0 },
      { date: "2026-11-03", cost: "1.005", count: 1 },
    ]);
  });
});

describe("trailingRates", () => {
  const today = "2026-11-30";
  it("averages the 7 and 30 full days before today, and uses the higher", () => {
    const rows = [spend("2026-11-29", "70.00"), spend("2026-11-05", "230.00"), spend("2026-11-30", "999.00"), spend("2026-10-30", "1000.00")];
    const r = trailingRates(rows, today, "USD")!;
    expect(r.rates).toEqual([
      { days: 7, total: "70", perDay: "10.00" },
      { days: 30, total: "300", perDay: "10.00" },
    ]);
    expect(r.used.days).toBe(7);
    const slower = trailingRates([spend("2026-11-29", "7.00"), spend("2026-11-05", "293.00")], today, "USD")!;
    expect(slower.used).toEqual({ days: 30, total: "300", perDay: "10.00" });
  });

  it("is null when the ledger has no usage in those 30 days (the runway keeps this month's average)", () => {
    expect(trailingRates([], today, "USD")).toBeNull();
    expect(trailingRates([spend("2026-11-30", "5.00"), spend("2026-10-30", "5.00"), spend("2026-11-29", "5.00", "x", "EUR")], today, "USD")).toBeNull();
  });
});

describe("pivotDailySpend", () => {
  it("makes a day × key table, newest day first, every day present, keys by total and exact sums", () => {
    const p = pivotDailySpend(
      [spend("2026-11-01", "0.1", "sms"), spend("2026-11-01", "0.2", "voice"), spend("2026-11-03", "0.15", "voice"), spend("2026-11-02", "0.05", null), spend("2026-11-02", "0.03", "sms", "EUR")],
      "2026-11-01",
      "2026-11-04",
    );
    expect(p.currency).toBe("USD");
    expect(p.keys).toEqual(["voice", "sms", null]);
    expect(p.days).toEqual([
      { date: "2026-11-03", costs: ["0.15", "0", "0"], total: "0.15" },
      { date: "2026-11-02", costs: ["0", "0", "0.05"], total: "0.05" },
      { date: "2026-11-01", costs: ["0.2", "0.1", "0"], total: "0.3" },
    ]);
    expect(p.totals).toEqual(["0.35", "0.1", "0.05"]);
    expect(p.total).toBe("0.5");
    expect(p.otherCurrencies).toEqual(["EUR"]);
  });

  it("has no currency and zero rows' days when the ledger holds nothing", () => {
    const p = pivotDailySpend([], "2026-11-01", "2026-11-03");
    expect(p).toMatchObject({ currency: null, keys: [], total: "0", otherCurrencies: [] });
    expect(p.days.map((d) => d.date)).toEqual(["2026-11-02", "2026-11-01"]);
  });
});
