import { describe, expect, it } from "vitest";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";
import { createCsvRowCounter, exportFileName, neutralizeFormula, parseCsv } from "./csv";
import { cellText, dateRangeLabel, layoutFor, recordCost, recordId, recordTags, usageTotals } from "./records";

const msg = (cost: string, tags = "", currency = "USD"): DetailRecord => ({ record_type: "message_detail_record", cost, currency, tags });

describe("record layouts", () => {
  it("gives messaging the columns finance asks for", () => {
    expect(layoutFor("messaging").columns.map((c) => c.label)).toEqual([
      "Time", "Direction", "From", "To", "Country", "Status", "Parts", "Rate", "Cost", "Currency", "Tags",
    ]);
  });

  it("knows where each type keeps its cost and tags", () => {
    expect(layoutFor("verify").costField).toBe("verify_usage_fee");
    expect(layoutFor("wireless")).toMatchObject({ costField: "data_cost", tagsField: "sim_card_tags" });
    expect(layoutFor("conference").costField).toBeNull();
  });

  it("builds a layout for types without a published schema from the records", () => {
    const l = layoutFor("fax", [{ record_type: "fax", sent_at: "2025-01-01T00:00:00Z", pages: 3, cost: "0.10", currency: "USD" }]);
    expect(l.timeField).toBe("sent_at");
    expect(l.columns.map((c) => c.key)).toEqual(["sent_at", "pages", "cost", "currency"]);
  });
});

describe("costs and totals", () => {
  it("reads costs exactly, including wireless' numeric data_cost", () => {
    expect(recordCost(msg("0.0070"), layoutFor("messaging"))).toBe("0.007");
    expect(recordCost({ record_type: "sim_card_usage", data_cost: 0.1 } as DetailRecord, layoutFor("wireless"))).toBe("0.1");
    expect(recordCost({ record_type: "x" }, layoutFor("messaging"))).toBeNull();
  });

  it("sums without float drift, per currency", () => {
    const records = [...Array.from({ length: 10 }, () => msg("0.1")), msg("2.50", "", "EUR")];
    const t = usageTotals(records, layoutFor("messaging"));
    expect(t).toEqual({ count: 11, costs: [{ currency: "EUR", amount: "2.5" }, { currency: "USD", amount: "1" }] });
  });

  it("splits comma-separated tags", () => {
    expect(recordTags(msg("0", "billing, support"), layoutFor("messaging"))).toEqual(["billing", "support"]);
    expect(recordTags(msg("0", ""), layoutFor("messaging"))).toEqual([]);
  });
});

describe("text of cells and ranges", () => {
  it("writes any JSON value as text", () => {
    expect([null, undefined, "a", 2, false, ["40001"], { a: 1 }].map(cellText)).toEqual(["", "", "a", "2", "false", '["40001"]', '{"a":1}']);
  });
  it("labels ranges", () => {
    expect(dateRangeLabel("last_30_days")).toBe("Last 30 days");
    expect(dateRangeLabel("last_12_days")).toBe("Last 12 days");
    expect(dateRangeLabel("this_month")).toBe("This month");
  });
});

describe("CSV helpers", () => {
  it("neutralizes formulas but keeps phone numbers and signed amounts", () => {
    expect(neutralizeFormula("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("+1 555 0100 cmd|' /C calc'!A0")).toBe("'+1 555 0100 cmd|' /C calc'!A0");
    expect(neutralizeFormula("+15551234567")).toBe("+15551234567");
    expect(neutralizeFormula("-0.0040")).toBe("-0.0040");
    expect(neutralizeFormula("support")).toBe("support");
  });

  it("counts records across chunks, ignoring line breaks inside quotes", () => {
    const c = createCsvRowCounter();
    c.push('a,b\n1,"multi');
    expect(c.rows).toBe(1);
    c.push('\nline ""quoted"""\n2,3\n');
    expect(c.rows).toBe(3);
  });

  it("parses what it writes back", () => {
    expect(parseCsv('a,b\n"x, ""y""","1\n2"\n')).toEqual([["a", "b"], ['x, "y"', "1\n2"]]);
  });

  it("names the file after the query", () => {
    expect(exportFileName({ record_type: "messaging", date_range: "last_30_days" })).toBe("usage-messaging-last_30_days.csv");
    expect(exportFileName({ record_type: "messaging", date_range: "this_month", tags: "Sales East/2" })).toBe("usage-messaging-this_month-sales-east-2.csv");
  });
});

describe("record identity (the usage list's row keys)", () => {
  it("is the record's id, or its uuid for messaging, not its position", () => {
    const a = { record_type: "amd", id: "a1" } as DetailRecord;
    const m = { record_type: "message_detail_record", uuid: "u1" } as DetailRecord;
    expect(recordId(a, 0)).toBe(recordId(a, 7));
    expect(recordId(m, 3)).toBe("uuid:u1");
    expect(recordId(a, 0)).not.toBe(recordId({ record_type: "amd", id: "a2" } as DetailRecord, 0));
  });

  it("falls back to the position only for a record with neither", () => {
    expect(recordId({ record_type: "x" }, 4)).toBe("row:4");
    expect(recordId({ record_type: "x", id: "" }, 5)).toBe("row:5");
  });
});
