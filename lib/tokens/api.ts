import "server-only";
// What the token routes do: each user manages their own tokens; owners see and revoke everyone's.
import { recordAction } from "@/lib/action-log";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/session";
import type { TokenInput } from "./schemas";
import { createToken, getToken, listTokens, revokeToken } from "./store";

export async function createTokenFor(user: SessionUser, input: TokenInput, now = Date.now()) {
  if (user.role === "finance" && input.role === "owner")
    throw new ApiError("forbidden", "A token's role can be no higher than yours: finance users create finance tokens.");
  const expiresAt = input.expires_at ? Date.parse(input.expires_at) : null;
  if (expiresAt !== null && expiresAt <= now)
    throw new ApiError("invalid_input", "expires_at must be in the future.", {
      items: [{ code: "invalid_input", title: "Invalid input", detail: "expires_at must be in the future.", source: { pointer: "/expires_at" } }],
    });
  const created = await createToken(user, { name: input.name, role: input.role, scope: input.scope, expiresAt }, now);
  await recordAction({ user, action: "token.create", params: { token_id: created.id, name: created.name, role: created.role, scope: created.scope, prefix: created.prefix }, outcome: "success" });
  return created;
}

export const tokensVisibleTo = (user: SessionUser) => listTokens(user.role === "owner" ? undefined : user.id);

export async function revokeTokenAs(user: SessionUser, id: string) {
  const token = await getToken(id);
  // Another user's token is "not found" to a non-owner: its existence is not theirs to learn.
  if (!token || (user.role !== "owner" && token.user_id !== user.id)) throw new ApiError("not_found", "No API token with this id.");
  await revokeToken(id, user.id);
  await recordAction({ user, action: "token.revoke", params: { token_id: id, name: token.name, owner: token.user_email }, outcome: "success" });
  return (await getToken(id))!;
}
