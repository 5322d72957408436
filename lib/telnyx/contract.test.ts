// The zod-free rules the browser uses must agree with the routes' zod schemas built on them.
import { describe, expect, it } from "vitest";
import { selectedPeriod } from "@/lib/charges/period";
import { chargesRangeProblem, inputDateProblem, isDateRange, isIsoDate } from "./contract";
import { chargesRange } from "./schemas/charges";
import { inputDate, isoDate } from "./schemas/common";
import { dateRange } from "./schemas/detail-records";

const now = new Date("2025-06-15T12:00:00Z");

describe("contract helpers agree with the schemas", () => {
  it.each(["2025-05-01", "2024-02-29", "2025-02-29", "2025-13-01", "2025-04-31", "2025-5-1", "20250501", "", "2025-05-01T00:00:00Z"])(
    "isIsoDate(%j) is isoDate's verdict",
    (value) => expect(isIsoDate(value)).toBe(isoDate.safeParse(value).success),
  );

  it.each(["2025-05-01", "1999-12-31", "0000-01-01", "2025-02-30"])("inputDateProblem(%j) is inputDate's message", (value) => {
    const parsed = inputDate.safeParse(value);
    expect(inputDateProblem(value)).toBe(parsed.success ? null : parsed.error.issues[0]!.message);
  });

  it.each(["last_month", "today", "last_1_days", "last_999_days", "last_0_days", "last_1000_days", "last_07_days", "lastmonth", ""])(
    "isDateRange(%j) is dateRange's verdict",
    (value) => expect(isDateRange(value)).toBe(dateRange.safeParse(value).success),
  );

  it.each([
    ["2025-05-01", "2025-06-01"],
    ["2025-05-01", "2025-06-02"],
    ["2025-05-02", "2025-05-01"],
    ["2025-05-01", "2025-05-01"],
  ])("chargesRangeProblem(%s, %s) is chargesRange's message", (start, end) => {
    const parsed = chargesRange.safeParse({ start_date: start, end_date: end });
    expect(chargesRangeProblem(start, end)).toBe(parsed.success ? null : parsed.error.issues[0]!.message);
  });
});

describe("selectedPeriod (zod-free, runs in the browser)", () => {
  it("accepts a custom range and says what is wrong with a bad one, as the route would", () => {
    expect(selectedPeriod({ month: null, start: "2025-05-01", end: "2025-05-15" }, now)).toEqual({
      kind: "custom",
      range: { start_date: "2025-05-01", end_date: "2025-05-15" },
    });
    expect(selectedPeriod({ month: null, start: "2025-05-01", end: "2025-07-01" }, now)).toMatchObject({
      kind: "invalid",
      problems: ["must be at most 31 days after start_date"],
    });
    expect(selectedPeriod({ month: null, start: "2025-02-30", end: "2025-03-02" }, now)).toMatchObject({
      kind: "invalid",
      problems: ["must be a date written YYYY-MM-DD"],
    });
  });
});
