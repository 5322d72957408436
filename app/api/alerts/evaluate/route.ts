// POST /api/alerts/evaluate — evaluate every rule now (owner); deliveries may complete after the answer.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { evaluateNow } from "@/lib/alerts/job";

export const POST = apiRoute({ roles: OWNER_ONLY }, async () => ({ data: await evaluateNow() }));
