// POST /api/approvals/{id}/reject {"reason"} — another owner refuses the request.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { approvalIdParams, rejectInput } from "@/lib/approvals/schemas";
import { reject } from "@/lib/approvals/service";

export const POST = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true, params: approvalIdParams, body: rejectInput }, async ({ user, params, body }) => ({
  data: await reject(user, params.id, body.reason),
}));
