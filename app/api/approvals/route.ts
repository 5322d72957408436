// GET /api/approvals?status=pending — approval requests, newest first (owners; sessions only).
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { approvalListQuery } from "@/lib/approvals/schemas";
import { approvalsList } from "@/lib/approvals/service";

export const GET = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true, query: approvalListQuery }, async ({ query }) => ({
  data: await approvalsList(query.status),
}));
