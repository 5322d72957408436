import "server-only";
import { isAPIError } from "better-auth/api";
import { recordAction } from "../action-log";
import { ApiError } from "../api/errors";
import { log } from "../log";
import { clientAddress, secureCookieBlocked, wantsSecureCookies } from "../security/client";
import { getAuth } from "./auth";
import { COOKIE_BLOCKED, sessionCookieKinds } from "./cookie";
import { getSessionUser, type SessionUser } from "./session";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "./throttle";
import { countUsers } from "./users";
import { isRole } from "./roles";

const WRONG = "Email or password is incorrect.";

/**
 * Checks the throttle, then the password; returns the user and the Set-Cookie headers for the new
 * session. Every failure says the same thing (unknown email, wrong password, disabled user), and
 * better-auth hashes even for an unknown email, so neither message nor timing tells which.
 */
export async function login(email: string, password: string, headers: Headers): Promise<{ user: SessionUser; setCookies: string[] }> {
  const { address, from } = clientAddress(headers);
  const logged = { email, client: address };
  const normalized = email.trim().toLowerCase();
  const outcome = (result: string) => log.info("auth.login", { result, client: address, client_from: from });

  // Refused before anything is checked or created: the browser would drop the cookie silently.
  if (secureCookieBlocked(headers)) throw new ApiError("forbidden", COOKIE_BLOCKED, { title: "The session cookie cannot be set" });

  const retryAfter = await loginRetryAfter(normalized, address);
  if (retryAfter > 0) {
    outcome("throttled");
    await recordAction({ user: { id: null, email: normalized }, action: "login", params: logged, outcome: "failure", error: "throttled" });
    const minutes = Math.ceil(retryAfter / 60);
    throw new ApiError("rate_limited", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      headers: { "retry-after": String(retryAfter) },
    });
  }

  const auth = await getAuth(wantsSecureCookies(headers));
  let result;
  try {
    result = await auth.api.signInEmail({ body: { email: normalized, password, rememberMe: true }, headers, returnHeaders: true });
  } catch (error) {
    if (!isAPIError(error)) throw error; // the database broke: a 500, not a wrong password
  }
  const user = result?.response.user;
  if (result && user && !user.disabled && isRole(user.role)) {
    await recordLoginSuccess(normalized, address);
    outcome("success");
    const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role };
    await recordAction({ user: sessionUser, action: "login", params: logged, outcome: "success" });
    return { user: sessionUser, setCookies: result.headers.getSetCookie() };
  }
  // A disabled user's password was right: drop the session better-auth just made.
  if (result) await (await auth.$context).internalAdapter.deleteSession(result.response.token);

  await recordLoginFailure(normalized, address);
  outcome("failure");
  await recordAction({ user: { id: null, email: normalized }, action: "login", params: logged, outcome: "failure", error: "wrong email or password, or user disabled" });
  // Says nothing about one email; only that nobody can sign in yet (real key, no users).
  const detail = (await countUsers()) === 0
    ? "No dashboard users exist yet. Create the first owner on the server: npm run users -- add --email <you> --role owner --password-stdin"
    : WRONG;
  throw new ApiError("unauthorized", detail, { title: "Sign-in failed" });
}

/** Ends the session in the database (so a copied cookie dies too) and clears the cookie. */
export async function logout(headers: Headers): Promise<string[]> {
  const user = await getSessionUser(headers);
  const setCookies: string[] = [];
  for (const secure of sessionCookieKinds(headers.get("cookie"))) {
    const result = await (await getAuth(secure)).api.signOut({ headers, returnHeaders: true });
    setCookies.push(...result.headers.getSetCookie());
  }
  if (user) await recordAction({ user, action: "logout", params: {}, outcome: "success" });
  return setCookies;
}
