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

/** A same-site path to return to after login; anything else ("//evil", "https://…") becomes "/". */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/")) return "/";
  return value;
}

/** Request header proxy.ts sets to the page's path + query, so page guards can build ?next=. */
export const PATH_HEADER = "x-dashboard-path";
