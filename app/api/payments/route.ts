import { OWNER_ONLY } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/api/handler";
import { paymentApproval, pendingResponse } from "@/lib/approvals/service";
import { createPaymentOnce, paymentKey, paymentResponse } from "@/lib/billing/payments";
import { paymentRequest } from "@/lib/telnyx/schemas/payments";

// POST /api/payments — charges the account's stored payment method (owners). Exactly once per
// Idempotency-Key: a repeat gets the first attempt's stored outcome and `Idempotent-Replayed: true`.
// Above the approval policy's limit it charges nothing yet: 202 with the pending approval request.
export const POST = apiRoute({ roles: OWNER_ONLY, body: paymentRequest }, async ({ req, user, body }) => {
  const key = paymentKey(req.headers.get("idempotency-key"));
  const approval = await paymentApproval(user, key, body);
  if (approval) return pendingResponse(approval);
  return paymentResponse(await createPaymentOnce(user, key, body));
});
