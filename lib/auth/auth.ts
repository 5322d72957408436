// better-auth on the shared SQLite connection: email + password only, no sign-up, no HTTP handler
// of its own (our login/logout routes call auth.api directly, so none of better-auth's other
// endpoints — sign-up, password change, … — are reachable from the network).
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { parseServerEnv } from "../env-schema.mjs";
import { connection, db, fileSecret, type Connection } from "../db";
import { COOKIE_PREFIX } from "./cookie";
import { SESSION_MAX_MS } from "./session-policy";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/**
 * The cookie and the session row live at most 7 days (the absolute limit); the 2-hour idle limit
 * and the renewal are ours (lib/auth/session.ts, session-policy.ts), as better-auth's refresh
 * only extends a session's end, never ends an idle one.
 */
export const SESSION_TTL_SECONDS = SESSION_MAX_MS / 1000;

export function authOptions(conn: Connection, secureCookies = false) {
  const env = parseServerEnv(process.env);
  // On Postgres SESSION_SECRET is required (lib/env-schema.mjs): every instance must sign alike.
  const secret = env.SESSION_SECRET ?? (conn.target.engine === "sqlite" ? fileSecret(conn.target.path, "session-secret") : undefined);
  if (!secret) throw new Error("SESSION_SECRET is required when DATABASE_URL is a Postgres URL");
  return {
    appName: "Telnyx billing dashboard",
    // Our Kysely instance: better-auth's tables are created by our migrations (lib/db/migrations).
    database: { db: conn.db, type: conn.engine },
    secret,
    // Only used to build links, which email+password sign-in never does; set so better-auth
    // doesn't warn on every call made without a request.
    baseURL: `http://127.0.0.1:${env.PORT ?? 3000}`,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string" as const, required: true, defaultValue: "finance", input: false },
        disabled: { type: "boolean" as const, required: false, defaultValue: false, input: false },
      },
    },
    session: { expiresIn: SESSION_TTL_SECONDS, disableSessionRefresh: true },
    // Login throttling is ours (lib/auth/throttle.ts); better-auth's only applies to its own
    // HTTP handler, which we don't mount.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      // Per request (COOKIE_SECURE, lib/security/client.ts): Secure + "__Secure-" over HTTPS.
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" as const, path: "/" },
    },
    telemetry: { enabled: false },
    logger: { level: "error" as const, disabled: env.NODE_ENV === "test" },
  } satisfies BetterAuthOptions;
}

function createAuth(conn: Connection, secureCookies: boolean) {
  return betterAuth(authOptions(conn, secureCookies));
}

export type Auth = ReturnType<typeof createAuth>;

const g = globalThis as typeof globalThis & {
  __dashboardAuth?: { db: Connection; instances: Map<boolean, Auth> };
};

/**
 * The auth instance whose session cookie is Secure (named "__Secure-…") or not; both share the
 * database and secret, so a session is valid under either name. Its tables are the migrations'.
 */
export async function getAuth(secureCookies = false): Promise<Auth> {
  await db(); // migrated
  const conn = connection();
  if (g.__dashboardAuth?.db !== conn) g.__dashboardAuth = { db: conn, instances: new Map() };
  const state = g.__dashboardAuth;
  if (!state.instances.has(secureCookies)) state.instances.set(secureCookies, createAuth(conn, secureCookies));
  return state.instances.get(secureCookies)!;
}

/** better-auth's internals (password hashing, the adapter) for user management. */
export async function authContext() {
  return (await getAuth()).$context;
}
