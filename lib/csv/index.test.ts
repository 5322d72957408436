import { describe, expect, it } from "vitest";
import { defuseCell, toCsv } from "./index";

describe("csv", () => {
  it("quotes as RFC 4180 and writes a header", () => {
    const csv = toCsv(["item", "amount"] as const, [
      { item: 'Service credit, "goodwill"', amount: "-25.50" },
      { item: "Line\nbreak", amount: "0.0075" },
    ]);
    expect(csv).toBe('item,amount\r\n"Service credit, ""goodwill""",-25.50\r\n"Line\nbreak",0.0075\r\n');
  });

  it("defuses formulas but keeps amounts and phone numbers", () => {
    expect(defuseCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(defuseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(defuseCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(defuseCell("-2+3")).toBe("'-2+3");
    expect(defuseCell("-25.50")).toBe("-25.50");
    expect(defuseCell("+12015550100")).toBe("+12015550100");
    expect(defuseCell("Local DIDs")).toBe("Local DIDs");
  });
});
