// POST /api/alerts/rules/{id}/test — send a test message to the rule's channels now (owner).
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { testRule } from "@/lib/alerts/api";
import { ruleIdParams } from "@/lib/alerts/schemas";

export const POST = apiRoute({ roles: OWNER_ONLY, params: ruleIdParams }, ({ params }) => testRule(params.id));
