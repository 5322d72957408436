// The session cookie's name, shared by the auth config and proxy.ts (which must not import the
// database). better-auth adds the `__Secure-` prefix when cookies are Secure (production).
export const COOKIE_PREFIX = "dashboard";
export const SESSION_COOKIE_NAMES = [`${COOKIE_PREFIX}.session_token`, `__Secure-${COOKIE_PREFIX}.session_token`] as const;

/** Only says a cookie is present; whether it is valid is checked on the server (session.ts). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const name = part.split("=", 1)[0]!.trim();
    return (SESSION_COOKIE_NAMES as readonly string[]).includes(name);
  });
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

/** Request header proxy.ts sets to the page's path + query, so page guards can build ?next=. */
export const PATH_HEADER = "x-dashboard-path";
