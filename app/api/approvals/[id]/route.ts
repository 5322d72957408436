// GET /api/approvals/{id} — one request with its outcome (owners; sessions only).
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { approvalIdParams } from "@/lib/approvals/schemas";
import { approvalById } from "@/lib/approvals/service";

export const GET = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true, params: approvalIdParams }, async ({ params }) => ({
  data: await approvalById(params.id),
}));
