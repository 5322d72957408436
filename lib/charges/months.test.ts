import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, lastMonths, monthRange, previousRange, rangeSlug, wholeMonthOf } from "./months";
import { selectedPeriod } from "./period";

describe("charges months", () => {
  it("gives a whole month as first day to first day of the next (end exclusive)", () => {
    expect(monthRange("2025-05")).toEqual({ start_date: "2025-05-01", end_date: "2025-06-01" });
    expect(monthRange("2024-12")).toEqual({ start_date: "2024-12-01", end_date: "2025-01-01" });
    expect(monthRange("2024-02")).toEqual({ start_date: "2024-02-01", end_date: "2024-03-01" });
  });

  it("adds months and days across year ends and leap days", () => {
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(addMonths("2025-11", 14)).toBe("2027-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2025-01-01", "2025-02-01")).toBe(31);
  });

  it("lists the last 12 months oldest first, ending with the current UTC month", () => {
    const months = lastMonths(12, new Date("2026-01-01T00:30:00Z"));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-02");
    expect(months[11]).toBe("2026-01");
    // 23:30 on Dec 31 in UTC-5 is already January in UTC.
    expect(lastMonths(1, new Date("2025-12-31T23:30:00-05:00"))).toEqual(["2026-01"]);
  });

  it("compares a month with the previous month and a custom range with the same length before it", () => {
    expect(previousRange(monthRange("2025-03"))).toEqual(monthRange("2025-02"));
    expect(previousRange({ start_date: "2025-05-10", end_date: "2025-05-20" })).toEqual({ start_date: "2025-04-30", end_date: "2025-05-10" });
    expect(wholeMonthOf({ start_date: "2025-05-01", end_date: "2025-05-31" })).toBeNull();
    expect(rangeSlug(monthRange("2025-05"))).toBe("2025-05");
    expect(rangeSlug({ start_date: "2025-05-03", end_date: "2025-06-02" })).toBe("2025-05-03_2025-06-02");
  });

  it("selects the period from the URL state, validating a custom range as the server does", () => {
    const now = new Date("2025-07-15T12:00:00Z");
    expect(selectedPeriod({ month: null, start: null, end: null }, now)).toMatchObject({ kind: "month", month: "2025-07" });
    expect(selectedPeriod({ month: "2025-05", start: null, end: null }, now)).toMatchObject({ kind: "month", range: monthRange("2025-05") });
    expect(selectedPeriod({ month: null, start: "2025-05-03", end: "2025-06-03" }, now)).toMatchObject({ kind: "custom" });
    const tooLong = selectedPeriod({ month: null, start: "2025-05-01", end: "2025-06-02" }, now);
    expect(tooLong.kind).toBe("invalid");
    expect(selectedPeriod({ month: null, start: "2025-06-01", end: "2025-05-01" }, now).kind).toBe("invalid");
    expect(selectedPeriod({ month: null, start: "2025-02-30", end: "2025-03-05" }, now).kind).toBe("invalid");
  });
});
