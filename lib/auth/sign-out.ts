import "server-only";
// "Sign out everywhere": ends every session of a user (yourself; an owner: anyone), on every
// instance at once (sessions are rows, read on every request). API tokens are not sessions: they
// stay until revoked on /settings/tokens.
import { recordAction } from "../action-log";
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { SessionUser } from "./session";
import { findUser } from "./users";

export async function signOutEverywhere(actor: SessionUser, email?: string): Promise<{ user_id: string; email: string; sessions_ended: number }> {
  const other = !!email && email.trim().toLowerCase() !== actor.email.toLowerCase();
  // Refused before any lookup: a non-owner must not learn which emails have accounts.
  if (other && actor.role !== "owner") throw new ApiError("forbidden", "Only an owner can sign out another user.");
  const target = other ? await findUser(email) : { id: actor.id, email: actor.email };
  if (!target) throw new ApiError("not_found", `No user with the email ${email}.`);
  const result = await (await db()).deleteFrom("session").where("userId", "=", target.id).executeTakeFirst();
  const ended = Number(result.numDeletedRows);
  await recordAction({ user: actor, action: "session.sign_out_everywhere", params: { email: target.email, sessions_ended: ended }, outcome: "success" });
  return { user_id: target.id, email: target.email, sessions_ended: ended };
}
