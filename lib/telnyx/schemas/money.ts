// zod schemas for money: decimal strings as Telnyx sends them, and amounts as people type them.
// Apart from lib/money.ts so pages that only format or add money don't ship zod.
import { z } from "zod";
import { AMOUNT_INPUT_PATTERN, Big, DECIMAL_PATTERN } from "@/lib/money";

export const decimalString = z.string().regex(DECIMAL_PATTERN, "must be a decimal number such as 120.00");

/** An amount the user enters, e.g. a payment: "12.50"; bounds inclusive. */
export function amountInput(min: string, max: string) {
  return z
    .string({ error: "is required" })
    .trim()
    .regex(AMOUNT_INPUT_PATTERN, "must be an amount with dollars and cents, such as 25.00")
    // zod runs every check even after the pattern failed; only well-formed amounts are compared.
    .refine((v) => !AMOUNT_INPUT_PATTERN.test(v) || new Big(v).gte(min), `must be at least ${min}`)
    .refine((v) => !AMOUNT_INPUT_PATTERN.test(v) || new Big(v).lte(max), `must be at most ${max}`);
}
