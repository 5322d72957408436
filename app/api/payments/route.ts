import { OWNER_ONLY } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/api/handler";
import { createPaymentOnce, paymentKey, paymentResponse } from "@/lib/billing/payments";
import { paymentRequest } from "@/lib/telnyx/schemas/payments";

// POST /api/payments — charges the account's stored payment method (owners). Exactly once per
// Idempotency-Key: a repeat gets the first attempt's stored outcome and `Idempotent-Replayed: true`.
export const POST = apiRoute({ roles: OWNER_ONLY, body: paymentRequest }, async ({ req, user, body }) =>
  paymentResponse(await createPaymentOnce(user, paymentKey(req.headers.get("idempotency-key")), body)),
);
