import "server-only";
import { db, engine } from "../db";
import { getAuth } from "./auth";
import { sessionCookieKinds } from "./cookie";
import { isRole, type Role } from "./roles";
import { sessionVerdict } from "./session-policy";

/** `token`: the request came with an API token acting for this user (lib/tokens), not a session. */
export type SessionUser = { id: string; email: string; name: string; role: Role; token?: { id: string; name: string } };

/**
 * The signed-in user, or null for no cookie, a forged/tampered cookie (bad signature), an expired,
 * idle or revoked session, or a disabled user. Reads the database on every call (no cookie cache),
 * so logout, `users disable` and `users set-role` take effect on the next request. A live session
 * is renewed (sliding: lib/auth/session-policy.ts); `now` is injectable for tests.
 */
export async function getSessionUser(headers: Headers, now = Date.now()): Promise<SessionUser | null> {
  // Either cookie name (COOKIE_SECURE may have changed, or the scheme differs); none: no database work.
  let result = null;
  for (const secure of sessionCookieKinds(headers.get("cookie"))) {
    result = await (await getAuth(secure)).api.getSession({ headers });
    if (result) break;
  }
  if (!result) return null;
  const verdict = sessionVerdict(result.session, now);
  const k = await db();
  if (!verdict.ok) {
    await k.deleteFrom("session").where("id", "=", result.session.id).execute();
    return null;
  }
  if (verdict.touch) {
    const at = (ms: number) => (engine() === "postgres" ? new Date(ms) : new Date(ms).toISOString());
    await k.updateTable("session").set({ updatedAt: at(now), expiresAt: at(verdict.expiresAt) }).where("id", "=", result.session.id).execute();
  }
  const { id, email, name, role, disabled } = result.user;
  if (disabled || !isRole(role)) return null;
  return { id, email, name, role };
}
