// GET /api/alerts/rules — every rule with its state (owner, finance); POST — a new rule (owner),
// answered 201 with each webhook channel's secret, shown this once.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES, OWNER_ONLY } from "@/lib/auth/roles";
import { createRule } from "@/lib/alerts/api";
import { ruleInput, type RuleInput } from "@/lib/alerts/schemas";
import { ensureBuiltinRules, listRules } from "@/lib/alerts/store";
import { db } from "@/lib/db";

export const GET = apiRoute({ roles: ALL_ROLES }, async () => {
  const d = await db();
  await ensureBuiltinRules(d);
  return { data: await listRules(d) };
});

export const POST = apiRoute({ roles: OWNER_ONLY, body: ruleInput }, async ({ body }) =>
  Response.json(await createRule(body as unknown as RuleInput), { status: 201, headers: { "cache-control": "private, no-store" } }),
);
