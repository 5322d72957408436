// GET /api/approvals/policy — what needs a second owner; PUT — sets it (at once while none is in
// force, else 202: the change itself waits for a second owner). Owners; sessions only.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { policyInput } from "@/lib/approvals/schemas";
import { getPolicy, requestPolicy } from "@/lib/approvals/service";

export const GET = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true }, async () => ({ data: await getPolicy() }));

export const PUT = apiRoute({ roles: OWNER_ONLY, sessionsOnly: true, body: policyInput }, ({ user, body }) => requestPolicy(user, body));
