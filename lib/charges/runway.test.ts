import { describe, expect, it } from "vitest";
import { computeRunway } from "./runway";

const now = new Date("2025-05-10T15:00:00Z"); // 10 days of May have begun

describe("runway", () => {
  it("divides the available credit by this month's average daily spend", () => {
    const r = computeRunway({ availableCredit: "1000.00", balance: "1000.00", monthToDate: "250.00", now });
    expect(r).toEqual({ kind: "estimate", dailySpend: "25.00", daysLeft: 40, runsOutOn: "2025-06-19", topUp: null });
  });

  it("uses a given daily spend (the ledger's trailing rate) instead of this month's average", () => {
    const r = computeRunway({ availableCredit: "1000.00", balance: "1000.00", monthToDate: "250.00", now, dailySpend: "50.00" });
    expect(r).toMatchObject({ kind: "estimate", dailySpend: "50.00", daysLeft: 20 });
    expect(computeRunway({ availableCredit: "1000.00", balance: "1000.00", monthToDate: "250.00", now, dailySpend: "0" }).kind).toBe("no-spend");
  });

  it("rounds the days down and keeps the daily figure exact to the cent", () => {
    const r = computeRunway({ availableCredit: "100.00", balance: "100.00", monthToDate: "33.33", now });
    expect(r).toMatchObject({ kind: "estimate", dailySpend: "3.33", daysLeft: 30 });
  });

  it("says there is not enough spend to estimate when this month's spend is 0 or a net credit", () => {
    expect(computeRunway({ availableCredit: "50.00", balance: "50.00", monthToDate: "0.00", now }).kind).toBe("no-spend");
    expect(computeRunway({ availableCredit: "50.00", balance: "50.00", monthToDate: "-12.00", now }).kind).toBe("no-spend");
  });

  it("on a credit line uses the available credit, not the negative balance", () => {
    const r = computeRunway({ availableCredit: "845.71", balance: "-154.29", monthToDate: "100.00", now });
    expect(r).toMatchObject({ kind: "estimate", dailySpend: "10.00", daysLeft: 84 });
    expect(computeRunway({ availableCredit: "0.00", balance: "-1000.00", monthToDate: "100.00", now }).kind).toBe("exhausted");
  });

  it("with auto-recharge on, says when the balance reaches the threshold and tops up", () => {
    const r = computeRunway({
      availableCredit: "600.00",
      balance: "600.00",
      monthToDate: "500.00",
      now,
      autoRecharge: { enabled: true, threshold_amount: "100.00", recharge_amount: "200.00" },
    });
    expect(r).toMatchObject({ kind: "estimate", daysLeft: 12, topUp: { daysUntil: 10, on: "2025-05-20", threshold: "100.00", amount: "200.00" } });
    const off = computeRunway({ availableCredit: "600.00", balance: "600.00", monthToDate: "500.00", now, autoRecharge: { enabled: false, threshold_amount: "100.00", recharge_amount: "200.00" } });
    expect(off).toMatchObject({ topUp: null });
  });

  it("counts the first of the month as one elapsed day", () => {
    const r = computeRunway({ availableCredit: "90.00", balance: "90.00", monthToDate: "30.00", now: new Date("2025-06-01T00:05:00Z") });
    expect(r).toMatchObject({ dailySpend: "30.00", daysLeft: 3, runsOutOn: "2025-06-04" });
  });
});
