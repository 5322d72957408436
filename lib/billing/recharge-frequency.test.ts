import { describe, expect, it } from "vitest";
import {
  averageDailySpend,
  describeCapRisk,
  describeFrequency,
  rechargeFrequency,
} from "./recharge-frequency";

describe("averageDailySpend", () => {
  it("divides this month's total by the days so far, to the cent", () => {
    expect(averageDailySpend("300.00", 15)).toBe("20.00");
    expect(averageDailySpend("100.00", 3)).toBe("33.33");
  });
  it("is zero for no spend, a credit, or nonsense", () => {
    expect(averageDailySpend("0.00", 5)).toBe("0.00");
    expect(averageDailySpend("-12.00", 5)).toBe("0.00");
    expect(averageDailySpend("n/a", 5)).toBe("0.00");
    expect(averageDailySpend("10.00", 0)).toBe("0.00");
  });
});

describe("rechargeFrequency", () => {
  it("is daily spend / recharge amount", () => {
    const f = rechargeFrequency("100.00", "20.00", 30)!;
    expect(f.perDay).toBe(0.2);
    expect(f.perMonth).toBe(6);
    expect(f.risk).toBe("none");
    expect(f.saferRechargeAmount).toBeNull();
  });

  it("flags an average day above 10 recharges, and suggests the amount that stays under", () => {
    const f = rechargeFrequency("10.00", "150.00", 30)!;
    expect(f.perDay).toBe(15);
    expect(f.risk).toBe("exceeds");
    expect(f.saferRechargeAmount).toBe("15.00");
    expect(rechargeFrequency("15.00", "150.00", 30)!.perDay).toBe(10);
  });

  it("flags a busy day (twice the average) above the cap", () => {
    const f = rechargeFrequency("20.00", "150.00", 30)!;
    expect(f.perDay).toBe(7.5);
    expect(f.risk).toBe("busy-day");
    expect(f.saferRechargeAmount).toBe("30.00");
  });

  it("exactly 10 a day is the cap, not past it", () => {
    expect(rechargeFrequency("30.00", "150.00", 30)!.risk).toBe("none");
    expect(rechargeFrequency("15.00", "150.00", 30)!.risk).toBe("busy-day");
  });

  it("rounds the suggestion up to the cent", () => {
    expect(rechargeFrequency("10.00", "100.01", 30)!.saferRechargeAmount).toBe("10.01");
  });

  it("has no answer for an amount that is not a positive number", () => {
    expect(rechargeFrequency("abc", "1.00", 30)).toBeNull();
    expect(rechargeFrequency("0.00", "1.00", 30)).toBeNull();
  });
});

describe("describeFrequency", () => {
  it.each([
    ["100.00", "20.00", "At this month's average spend ($20.00 a day), this would trigger about 6 times a month."],
    ["500.00", "10.00", "At this month's average spend ($10.00 a day), this would trigger less than once a month."],
    ["300.00", "10.00", "At this month's average spend ($10.00 a day), this would trigger about once a month."],
    ["10.00", "25.00", "At this month's average spend ($25.00 a day), this would trigger about 75 times a month (about 2.5 times a day)."],
    ["10.00", "20.00", "At this month's average spend ($20.00 a day), this would trigger about 60 times a month (about twice a day)."],
    ["100.00", "0.00", "Nothing has been spent this month yet, so there is no pace to estimate from."],
  ])("recharge %s at %s a day", (recharge, daily, text) => {
    expect(describeFrequency(rechargeFrequency(recharge, daily, 30)!, daily, "USD")).toBe(text);
  });
});

describe("describeCapRisk", () => {
  it("warns past Telnyx's 10 recharges in 24 hours", () => {
    expect(describeCapRisk(rechargeFrequency("10.00", "150.00", 30)!, "USD")).toBe(
      "At this month's average spend these settings would trigger about 15 recharges in 24 hours, more than Telnyx's limit of 10. Past that limit Telnyx disrupts service. A recharge amount of at least $15.00 would stay under it.",
    );
    expect(describeCapRisk(rechargeFrequency("20.00", "150.00", 30)!, "USD")).toContain(
      "A day with 2 times this month's average spend would trigger more than 10 recharges in 24 hours",
    );
  });
  it("says nothing when well under it", () => {
    expect(describeCapRisk(rechargeFrequency("100.00", "20.00", 30)!, "USD")).toBeNull();
  });
});
