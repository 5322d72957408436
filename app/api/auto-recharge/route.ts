import { OWNER_ONLY } from "@/lib/auth/roles";
import { audited } from "@/lib/api/audited";
import { apiRoute, operationRoute } from "@/lib/api/handler";
import { autoRechargeUpdate } from "@/lib/telnyx/schemas/auto-recharge";
import { runOperation } from "@/lib/telnyx/run";

// GET /api/auto-recharge — the current auto-recharge preferences (owners and finance).
export const GET = operationRoute("autoRecharge");

// PATCH /api/auto-recharge — changes only the fields sent (owners); recorded in the action log.
export const PATCH = apiRoute({ roles: OWNER_ONLY, body: autoRechargeUpdate }, ({ user, body }) =>
  audited(user, "auto_recharge.update", body, () => runOperation("updateAutoRecharge", body, "body")),
);
