import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db, engine, type Db } from "../db";
import { authContext } from "./auth";
import { SESSION_COOKIE_NAMES } from "./cookie";
import { isRole, type Role } from "./roles";
import { sessionVerdict } from "./session-policy";

/** `token`: the request came with an API token acting for this user (lib/tokens), not a session. */
export type SessionUser = { id: string; email: string; name: string; role: Role; token?: { id: string; name: string } };

/**
 * A cookie's value as browsers send it: the first cookie of that name, quotes removed,
 * percent-decoded (a malformed escape leaves the value as sent, which then fails its signature).
 */
export function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return value.includes("%") ? decodeURIComponent(value) : value;
    } catch {
      return value;
    }
  }
  return null;
}

const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The session token of a signed session cookie, or null when the signature is not the server's.
 * The format is the one better-auth writes at sign-in: `token.base64(HMAC-SHA256(secret, token))`.
 * Checked with node:crypto in a few microseconds (better-auth's own check goes through WebCrypto's
 * thread pool twice per request, ~0.5 ms, for the same answer).
 */
export function verifiedSessionToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (!SIGNATURE.test(signature)) return null;
  const expected = createHmac("sha256", secret).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

const sessionAndUser = (k: Db, token: string) =>
  k
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .select(["session.id as sessionId", "session.expiresAt", "session.createdAt", "session.updatedAt", "user.id", "user.email", "user.name", "user.role", "user.disabled"])
    .where("session.token", "=", token)
    .compile();
const compiledSessionQueries = new WeakMap<Db, ReturnType<typeof sessionAndUser>>();

/**
 * The session + user query for `token`. Kysely would build and compile the same SQL on every
 * request; it is compiled once per database handle and only its one parameter, the token, changes.
 */
export function sessionQuery(k: Db, token: string): ReturnType<typeof sessionAndUser> {
  let compiled = compiledSessionQueries.get(k);
  if (!compiled) {
    compiled = sessionAndUser(k, "");
    if (compiled.parameters.length !== 1) throw new Error("the session query must have exactly one parameter, the token");
    compiledSessionQueries.set(k, compiled);
  }
  return { ...compiled, parameters: [token] };
}

/**
 * The signed-in user, or null for no cookie, a forged/tampered cookie (bad signature), an expired,
 * idle or revoked session, or a disabled user. Reads the database on every call (one query for
 * the session and its user, no cache), so logout, `users disable` and `users set-role` take effect
 * on the next request, on every instance. A live session is renewed (sliding:
 * lib/auth/session-policy.ts); `now` is injectable for tests.
 */
export async function getSessionUser(headers: Headers, now = Date.now()): Promise<SessionUser | null> {
  const cookies = headers.get("cookie");
  // Either cookie name (COOKIE_SECURE may have changed, or the scheme differs); none: no database work.
  const values = SESSION_COOKIE_NAMES.map((name) => cookieValue(cookies, name)).filter((v): v is string => v !== null);
  if (values.length === 0) return null;
  const { secret } = await authContext();
  const k = await db();
  for (const value of values) {
    const token = verifiedSessionToken(value, secret);
    if (token === null) continue;
    const row = (await k.executeQuery(sessionQuery(k, token))).rows[0];
    if (!row) continue;
    const verdict = new Date(row.expiresAt).getTime() <= now ? ({ ok: false } as const) : sessionVerdict(row, now);
    if (!verdict.ok) {
      await k.deleteFrom("session").where("id", "=", row.sessionId).execute();
      continue;
    }
    if (verdict.touch) {
      const at = (ms: number) => (engine() === "postgres" ? new Date(ms) : new Date(ms).toISOString());
      await k.updateTable("session").set({ updatedAt: at(now), expiresAt: at(verdict.expiresAt) }).where("id", "=", row.sessionId).execute();
    }
    const { id, email, name, role, disabled } = row;
    if (disabled || !isRole(role)) return null;
    return { id, email, name, role };
  }
  return null;
}
