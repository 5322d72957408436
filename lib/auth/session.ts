import "server-only";
import { getAuth } from "./auth";
import { sessionCookieKinds } from "./cookie";
import { isRole, type Role } from "./roles";

/** `token`: the request came with an API token acting for this user (lib/tokens), not a session. */
export type SessionUser = { id: string; email: string; name: string; role: Role; token?: { id: string; name: string } };

/**
 * The signed-in user, or null for no cookie, a forged/tampered cookie (bad signature), an expired
 * or revoked session, or a disabled user. Reads the database on every call (no cookie cache), so
 * logout, `users disable` and `users set-role` take effect on the next request.
 */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  // Either cookie name (COOKIE_SECURE may have changed, or the scheme differs); none: no database work.
  let result = null;
  for (const secure of sessionCookieKinds(headers.get("cookie"))) {
    result = await (await getAuth(secure)).api.getSession({ headers });
    if (result) break;
  }
  if (!result) return null;
  const { id, email, name, role, disabled } = result.user;
  if (disabled || !isRole(role)) return null;
  return { id, email, name, role };
}
