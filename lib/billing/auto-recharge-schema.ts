// The auto-recharge form's schema, built from the same pieces as the PATCH body's. Apart from
// ./auto-recharge.ts so that the settings page loads zod only when the form first validates.
import { z } from "zod";
import { autoRechargeUpdate } from "@/lib/telnyx/schemas/auto-recharge";
import type { AutoRechargeFormValues } from "./auto-recharge";

const updateFields = autoRechargeUpdate.shape;

/**
 * An amount field: the update schema's own check, except that the value Telnyx already has is
 * accepted as it is. It is not sent (only changes are), and an account whose stored threshold is
 * outside the dashboard's bounds must still be able to, say, switch auto-recharge off.
 */
function amountField(check: z.ZodType<string, string>, saved: string | undefined) {
  return z
    .string({ error: "is required" })
    .superRefine((value, ctx) => {
      if (saved !== undefined && value.trim() === saved) return;
      const result = check.safeParse(value);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    })
    .transform((value) => value.trim());
}

/** The form's schema: all fields required, each checked with the PATCH body's rules. */
export function autoRechargeFormSchema(saved?: AutoRechargeFormValues) {
  return z.object({
    enabled: updateFields.enabled.unwrap(),
    threshold_amount: amountField(updateFields.threshold_amount.unwrap(), saved?.threshold_amount),
    recharge_amount: amountField(updateFields.recharge_amount.unwrap(), saved?.recharge_amount),
    preference: updateFields.preference.unwrap(),
    invoice_enabled: updateFields.invoice_enabled.unwrap(),
  });
}
