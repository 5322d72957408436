// The session cookie's name, shared by the auth config and proxy.ts (which must not import the
// database). better-auth adds the `__Secure-` prefix when cookies are Secure (production).
export const COOKIE_PREFIX = "dashboard";
export const SESSION_COOKIE_NAMES = [`${COOKIE_PREFIX}.session_token`, `__Secure-${COOKIE_PREFIX}.session_token`] as const;

const cookieNames = (cookieHeader: string | null) => (cookieHeader ?? "").split(";").map((part) => part.split("=", 1)[0]!.trim());

/** Only says a cookie is present; whether it is valid is checked on the server (session.ts). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return cookieNames(cookieHeader).some((name) => (SESSION_COOKIE_NAMES as readonly string[]).includes(name));
}

/** Which session cookies are present: true for the Secure one ("__Secure-…"), false for the plain one. */
export function sessionCookieKinds(cookieHeader: string | null): boolean[] {
  const names = cookieNames(cookieHeader);
  return [true, false].filter((secure) => names.includes(SESSION_COOKIE_NAMES[secure ? 1 : 0]));
}

// Browsers drop tab, CR and LF from URLs and read "\\" as "/", so "/\t/evil" or "/\\evil" would
// become "//evil": another host. Such a value is refused outright rather than cleaned up.
const UNSAFE_NEXT = /[\u0000-\u001f\u007f-\u009f\\]/;
const BASE = "http://dashboard.invalid";

/**
 * A same-origin path to return to after login; anything else ("//evil", "/\t/evil",
 * "https://…", "/login", "/api/…") becomes "/". The result is the URL parser's own serialization
 * (ASCII, percent-encoded), so it is always a valid Location header.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || UNSAFE_NEXT.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return "/";
  return url.pathname + url.search + url.hash;
}

/** Said on the login page and by the login route when COOKIE_SECURE=1 meets plain HTTP. */
export const COOKIE_BLOCKED =
  "This page came over plain HTTP, but the server sets Secure session cookies (COOKIE_SECURE=1), which browsers drop on HTTP: " +
  "signing in cannot work. Open the dashboard over HTTPS, or have the administrator set COOKIE_SECURE=auto.";

/** Request header proxy.ts sets to the page's path + query, so page guards can build ?next=. */
export const PATH_HEADER = "x-dashboard-path";
