// POST /api/approvals/{id}/approve — another owner approves; the request runs once and its
// outcome (succeeded, failed, unknown, stale) is answered. 403 for the requester, 409 when no longer pending.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { approvalIdParams } from "@/lib/approvals/schemas";
import { approve } from "@/lib/approvals/service";

export const POST = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true, params: approvalIdParams }, async ({ user, params }) => ({
  data: await approve(user, params.id),
}));
