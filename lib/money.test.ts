import { describe, expect, it } from "vitest";
import { AMOUNT_INPUT_PATTERN, normalizeAmountInput } from "./money";

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
