import { ALL_ROLES, OWNER_ONLY } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/api/handler";
import { paymentApproval, pendingResponse } from "@/lib/approvals/service";
import { createPaymentOnce, paymentKey, paymentResponse } from "@/lib/billing/payments";
import { gatherTopUps } from "@/lib/billing/topups";
import { db } from "@/lib/db";
import { dayStart } from "@/lib/ledger/clock";
import { dayRange } from "@/lib/ledger/schemas";
import { paymentRequest } from "@/lib/telnyx/schemas/payments";

// GET /api/payments?from&to — every top-up in the UTC days [from, to) with who made it (dashboard
// user, auto-recharge, Telnyx portal), from the ledger and the action log (lib/billing/topups.ts).
export const GET = apiRoute({ roles: ALL_ROLES, query: dayRange }, async ({ query }) =>
  gatherTopUps(await db(), dayStart(query.from), dayStart(query.to)),
);

// POST /api/payments — charges the account's stored payment method (owners). Exactly once per
// Idempotency-Key: a repeat gets the first attempt's stored outcome and `Idempotent-Replayed: true`.
// Above the approval policy's limit it charges nothing yet: 202 with the pending approval request.
export const POST = apiRoute({ roles: OWNER_ONLY, body: paymentRequest }, async ({ req, user, body }) => {
  const key = paymentKey(req.headers.get("idempotency-key"));
  const approval = await paymentApproval(user, key, body);
  if (approval) return pendingResponse(approval);
  return paymentResponse(await createPaymentOnce(user, key, body));
});
