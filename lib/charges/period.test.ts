import { describe, expect, it } from "vitest";
import { defaultMonth, lastClosedMonth, selectedPeriod } from "./period";

describe("the month Charges opens on", () => {
  it("is the last closed month on days 1–7 (UTC), the current month after", () => {
    expect(defaultMonth(new Date("2026-12-01T00:00:00Z"))).toBe("2026-11");
    expect(defaultMonth(new Date("2026-12-07T23:59:59Z"))).toBe("2026-11");
    expect(defaultMonth(new Date("2026-12-08T00:00:00Z"))).toBe("2026-12");
    expect(defaultMonth(new Date("2027-01-03T12:00:00Z"))).toBe("2026-12");
    expect(lastClosedMonth(new Date("2027-01-20T12:00:00Z"))).toBe("2026-12");
  });
  it("is what the page shows without a month in the URL; a month asked for wins", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(selectedPeriod({ month: null, start: null, end: null }, now)).toMatchObject({ kind: "month", month: "2026-11" });
    expect(selectedPeriod({ month: "2026-12", start: null, end: null }, now)).toMatchObject({ kind: "month", month: "2026-12" });
  });
});
