// PATCH /api/alerts/rules/{id} — change a rule, mute or unmute it; DELETE — remove it (owner).
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { deleteRule, updateRule } from "@/lib/alerts/api";
import { ruleIdParams, rulePatch } from "@/lib/alerts/schemas";

export const PATCH = apiRoute({ roles: OWNER_ONLY, params: ruleIdParams, body: rulePatch }, ({ params, body }) => updateRule(params.id, body));

export const DELETE = apiRoute({ roles: OWNER_ONLY, params: ruleIdParams }, ({ params }) => deleteRule(params.id));
