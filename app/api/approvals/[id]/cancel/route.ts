// POST /api/approvals/{id}/cancel — the requester withdraws a pending request.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { approvalIdParams } from "@/lib/approvals/schemas";
import { cancel } from "@/lib/approvals/service";

export const POST = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true, params: approvalIdParams }, async ({ user, params }) => ({
  data: await cancel(user, params.id),
}));
