import { describe, expect, it } from "vitest";
import { AMOUNT_INPUT_PATTERN, formatMoney, formatWithCurrency, normalizeAmountInput, sumDecimals } from "./money";

describe("formatMoney", () => {
  it("formats a decimal string in the currency's style", () => {
    expect(formatMoney("1234.5", "USD", "en-US")).toBe("$1,234.50");
    expect(formatMoney("-48.00", "EUR", "en-US")).toBe("-€48.00");
  });

  it("never throws on a currency Intl refuses: the number with the raw code, or alone", () => {
    // The contract types `currency` as a plain string; "" made the whole page throw a RangeError.
    expect(formatMoney("12.3", "", "en-US")).toBe("12.30");
    expect(formatMoney("12.3", "usd$", "en-US")).toBe("12.30 usd$");
    expect(() => formatMoney("1", "  ", "en-US")).not.toThrow();
  });

  it("compact ticks keep their options on both paths", () => {
    expect(formatWithCurrency(1234, "USD", { notation: "compact", maximumFractionDigits: 1, minimumFractionDigits: 0 }, "en-US")).toBe("$1.2K");
    expect(formatWithCurrency(1234, "", { notation: "compact", maximumFractionDigits: 1, minimumFractionDigits: 0 }, "en-US")).toBe("1.2K");
  });
});

describe("sumDecimals", () => {
  it("adds decimal strings exactly", () => {
    expect(sumDecimals(["0.1", "0.2", null, "12.30"]).toFixed(2)).toBe("12.60");
  });
});

describe("normalizeAmountInput", () => {
  it.each([
    ["200", "200.00"],
    ["200.5", "200.50"],
    ["200.", "200.00"],
    ["200.55", "200.55"],
    [" 200 ", "200.00"],
    ["$200", "200.00"],
    ["$ 1,200.5", "1200.50"],
    [".5", "0.50"],
    ["007", "7.00"],
    ["0", "0.00"],
  ])("reads %j as %j, which the strict pattern accepts", (typed, sent) => {
    expect(normalizeAmountInput(typed)).toBe(sent);
    expect(AMOUNT_INPUT_PATTERN.test(sent)).toBe(true);
  });

  it.each(["", "  ", "abc", "200.555", "-5", "1,20", "12,34.00", "2e3", "$", ".", "1.2.3"])(
    "leaves %j for the form's check to refuse",
    (typed) => {
      const out = normalizeAmountInput(typed);
      expect(out).toBe(typed.trim());
      expect(AMOUNT_INPUT_PATTERN.test(out)).toBe(false);
    },
  );
});
