import { describe, expect, it } from "vitest";
import { PAYMENT_STATE_WORDS, paymentStateOfOutcome, processorStatusWords } from "./payment-words";

describe("payment words", () => {
  it("names an accepted payment the same way on the receipt and in the list", () => {
    expect(PAYMENT_STATE_WORDS[paymentStateOfOutcome("success")].label).toBe("Submitted");
    expect(PAYMENT_STATE_WORDS[paymentStateOfOutcome("failure")].label).toBe("Refused");
    expect(PAYMENT_STATE_WORDS[paymentStateOfOutcome("unknown")].label).toBe("Outcome unknown");
    expect(PAYMENT_STATE_WORDS[paymentStateOfOutcome("something new")].label).toBe("Outcome unknown");
  });
  it("writes the processor status in words", () => {
    expect(processorStatusWords("submitted_for_settlement")).toBe("submitted for settlement");
    expect(processorStatusWords(undefined)).toBe("not reported");
  });
});
