import { z } from "zod";
import { amountInput } from "@/lib/telnyx/schemas/money";

import { PAYMENT_BOUNDS } from "@/lib/telnyx/contract";

export { PAYMENT_BOUNDS };

export const paymentRequest = z.strictObject({ amount: amountInput(PAYMENT_BOUNDS.min, PAYMENT_BOUNDS.max) });
export type PaymentRequest = z.infer<typeof paymentRequest>;

export const paymentTransaction = z.object({
  id: z.string(),
  record_type: z.literal("transaction").optional(),
  amount_cents: z.number().int(),
  processor_status: z.string().optional(),
  amount_currency: z.string().optional(),
  created_at: z.string().optional(),
  auto_recharge: z.boolean().optional(),
  transaction_processing_type: z.literal("stored_payment").optional(),
});
export type PaymentTransaction = z.infer<typeof paymentTransaction>;
export const paymentResponse = z.object({ data: paymentTransaction });

/** One key per confirmed intent; the browser makes it with crypto.randomUUID(). */
export const idempotencyKey = z
  .string({ error: "Idempotency-Key header is required" })
  .regex(/^[A-Za-z0-9_-]{16,128}$/, "Idempotency-Key must be 16 to 128 letters, digits, - or _");
