import { z } from "zod";
import { decimalString } from "@/lib/telnyx/schemas/money";

// GET /balance. On a credit line `balance` is negative; `available_credit` is what can be spent.
export const balance = z.object({
  record_type: z.literal("balance").optional(),
  balance: decimalString,
  credit_limit: decimalString,
  available_credit: decimalString,
  pending: decimalString,
  currency: z.string().length(3),
});
export const balanceResponse = z.object({ data: balance });
export type Balance = z.infer<typeof balance>;
