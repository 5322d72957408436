// Inputs of the approval routes (one schema per body; the policy form uses the same).
import { z } from "zod";
import { AMOUNT_INPUT_PATTERN } from "../money";
import { APPROVAL_STATES } from "./describe";


export const policyInput = z.strictObject({
  payments_above: z
    .string({ error: "must be an amount such as 100.00, or null" })
    .trim()
    .regex(AMOUNT_INPUT_PATTERN, "must be an amount with dollars and cents, such as 100.00")
    .nullable(),
  auto_recharge: z.boolean({ error: "must be true or false" }),
});
export type PolicyInput = z.infer<typeof policyInput>;

export const rejectInput = z.strictObject({
  reason: z.string({ error: "Say why" }).trim().min(1, "Say why").max(500, "At most 500 characters"),
});

export const approvalIdParams = z.object({ id: z.string().regex(/^apr_[0-9a-f-]{36}$/, "Unknown approval id") });

export const approvalListQuery = z.strictObject({
  status: z.enum(APPROVAL_STATES).optional(),
});
