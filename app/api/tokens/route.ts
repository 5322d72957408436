// GET /api/tokens — your API tokens (owners: everyone's), never the secret; POST — a new token,
// answered 201 with the token itself this once. Sessions only: a token cannot make tokens.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { createTokenFor, tokensVisibleTo } from "@/lib/tokens/api";
import { tokenInput } from "@/lib/tokens/schemas";

export const GET = apiRoute({ roles: ALL_ROLES, sessionsOnly: true }, async ({ user }) => ({ data: await tokensVisibleTo(user) }));

export const POST = apiRoute({ roles: ALL_ROLES, sessionsOnly: true, body: tokenInput }, async ({ user, body }) =>
  Response.json({ data: await createTokenFor(user, body) }, { status: 201, headers: { "cache-control": "private, no-store" } }),
);
