import { z } from "zod";
import { amountInput, decimalString } from "@/lib/telnyx/schemas/money";

import { PAYMENT_PREFERENCES, RECHARGE_BOUNDS, THRESHOLD_BOUNDS } from "@/lib/telnyx/contract";

export { PAYMENT_PREFERENCES, RECHARGE_BOUNDS, THRESHOLD_BOUNDS };

export const autoRechargePrefs = z.object({
  id: z.string().optional(),
  record_type: z.string().optional(),
  threshold_amount: decimalString,
  recharge_amount: decimalString,
  enabled: z.boolean(),
  invoice_enabled: z.boolean().optional(),
  preference: z.enum(PAYMENT_PREFERENCES).optional(),
});
export type AutoRechargePrefs = z.infer<typeof autoRechargePrefs>;
export const autoRechargePrefsResponse = z.object({ data: autoRechargePrefs });

// What the form and PATCH /api/auto-recharge accept; only the fields that change are sent.
export const autoRechargeUpdate = z
  .strictObject({
    enabled: z.boolean().optional(),
    threshold_amount: amountInput(THRESHOLD_BOUNDS.min, THRESHOLD_BOUNDS.max).optional(),
    recharge_amount: amountInput(RECHARGE_BOUNDS.min, RECHARGE_BOUNDS.max).optional(),
    preference: z.enum(PAYMENT_PREFERENCES).optional(),
    invoice_enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "nothing to change: send at least one field" });
export type AutoRechargeUpdate = z.infer<typeof autoRechargeUpdate>;
