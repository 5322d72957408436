import { describe, expect, it } from "vitest";
import { costCents, formatCents, formatScaled, parseLooseAmount, parseStrictAmount } from "./money";
import { addUtcMonths, isoDate, parseIsoDate, parseIsoDateTime } from "./time";

describe("money", () => {
  it("formats integer cents as decimal strings", () => {
    expect(formatCents(12000)).toBe("120.00");
    expect(formatCents(-15429)).toBe("-154.29");
    expect(formatCents(-5)).toBe("-0.05");
    expect(formatCents(0)).toBe("0.00");
    expect(formatScaled(40, 4)).toBe("0.0040");
    expect(() => formatCents(0.5)).toThrow();
  });
  it("parses strict amounts: dollars and exactly two decimals", () => {
    expect(parseStrictAmount("120.00")).toBe(12000);
    expect(parseStrictAmount("0.10")).toBe(10);
    for (const bad of ["12", "abc", "-5.00", "12.345", "12.5", "", " 1.00", "1e3", "1,000.00"]) expect(parseStrictAmount(bad)).toBeNull();
    expect(parseStrictAmount(12)).toBeNull();
  });
  it("parses loose amounts", () => {
    expect(parseLooseAmount("104")).toBe(10400);
    expect(parseLooseAmount("104.5")).toBe(10450);
    expect(parseLooseAmount("-1")).toBeNull();
  });
  it("rounds costs half up", () => {
    expect(costCents(1, 50, 4)).toBe(1); // $0.0050 → 1 cent
    expect(costCents(1, 49, 4)).toBe(0);
  });
});

describe("time", () => {
  it("parses only real calendar dates", () => {
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("2025-13-01")).toBeNull();
    expect(parseIsoDate("2025-5-1")).toBeNull();
  });
  it("parses date-times with zones", () => {
    expect(parseIsoDateTime("2021-01-01T00:00:00Z")?.toISOString()).toBe("2021-01-01T00:00:00.000Z");
    expect(parseIsoDateTime("2021-01-01T02:00:00+02:00")?.toISOString()).toBe("2021-01-01T00:00:00.000Z");
    expect(parseIsoDateTime("2021-01-01")?.toISOString()).toBe("2021-01-01T00:00:00.000Z");
    expect(parseIsoDateTime("yesterday")).toBeNull();
    expect(parseIsoDateTime("2021-01-01T25:00:00Z")).toBeNull();
  });
  it("adds months clamping to the month's end", () => {
    expect(isoDate(addUtcMonths(new Date("2025-01-31T00:00:00Z"), 1))).toBe("2025-02-28");
    expect(isoDate(addUtcMonths(new Date("2025-05-01T00:00:00Z"), -24))).toBe("2023-05-01");
  });
});
