import { OWNER_ONLY } from "@/lib/auth/roles";
import { audited } from "@/lib/api/audited";
import { apiRoute, operationRoute } from "@/lib/api/handler";
import { autoRechargeApproval, pendingResponse } from "@/lib/approvals/service";
import { autoRechargeUpdate } from "@/lib/telnyx/schemas/auto-recharge";
import { runOperation } from "@/lib/telnyx/run";

// GET /api/auto-recharge — the current auto-recharge preferences (owners and finance).
export const GET = operationRoute("autoRecharge");

// PATCH /api/auto-recharge — changes only the fields sent (owners); recorded in the action log.
// Under an auto-recharge approval policy nothing changes yet: 202 with the pending request.
export const PATCH = apiRoute({ roles: OWNER_ONLY, body: autoRechargeUpdate }, async ({ req, user, body }) => {
  const approval = await autoRechargeApproval(user, body, req.headers.get("idempotency-key")?.slice(0, 255) || null);
  if (approval) return pendingResponse(approval);
  return audited(user, "auto_recharge.update", body, () => runOperation("updateAutoRecharge", body, "body"));
});
