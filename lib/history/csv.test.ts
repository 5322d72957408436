import { describe, expect, it } from "vitest";
import { dailySpendCsv, dailySpendFileName } from "./csv";

describe("dailySpendCsv", () => {
  it("writes one row per day and key with the exact decimal cost, untagged rows named", () => {
    const csv = dailySpendCsv(
      [
        { date: "2026-11-01", key: "sms", count: 3, cost: "0.0125", currency: "USD" },
        { date: "2026-11-01", key: null, count: 1, cost: "10.1", currency: "USD" },
        { date: "2026-11-02", key: "=cmd()", count: 2, cost: "-1.50", currency: "USD" },
      ],
      "tag",
    );
    expect(csv.split("\r\n")).toEqual(["date,tag,count,cost,currency", "2026-11-01,sms,3,0.0125,USD", "2026-11-01,(untagged),1,10.1,USD", "2026-11-02,'=cmd(),2,-1.50,USD", ""]);
  });

  it("names the key column after the grouping and the file after the range", () => {
    expect(dailySpendCsv([], "record_type")).toBe("date,record_type,count,cost,currency\r\n");
    expect(dailySpendFileName("2025-01-01", "2026-01-01", "record_type")).toBe("cost-per-day-by-type-2025-01-01-to-2026-01-01.csv");
  });
});
