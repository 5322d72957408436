// GET /api/webhook-deliveries/health?from&to — endpoint health over a window: failure rate over
// time and target URLs ranked by failed attempts (owners).
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { healthQuery, webhookHealthReport } from "@/lib/webhooks/health-report";

export const GET = apiRoute({ roles: OWNER_ONLY, query: healthQuery }, async ({ query }) => ({
  data: await webhookHealthReport(query),
}));
