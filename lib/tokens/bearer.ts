import "server-only";
// A request that carries `Authorization: Bearer tbd_…`: who it acts for, or why not. apiRoute
// (lib/api/handler.ts) calls this instead of reading the session, so every route takes tokens on
// the same terms: the token's role, read scope = GET/HEAD only, no token or approval management,
// 600 requests a minute per token. A bearer request carries no ambient credential (a browser never
// adds this header by itself), so it is exempt from the same-origin check.
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/security/client";
import { authenticateToken, checkTokenRate, sharedRateCounter, TOKEN_RATE_PER_MINUTE } from "./store";

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * The bearer credential, or null when the request has none (then the session cookie counts).
 * Other schemes (a proxy's Basic auth in front of the dashboard) are not ours and are ignored.
 */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (!value || !/^Bearer\b/i.test(value)) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) throw new ApiError("unauthorized", "The Authorization header must be \"Bearer tbd_…\".");
  return match[1]!;
}

const REFUSALS = {
  unknown: "This API token is not valid.",
  revoked: "This API token was revoked.",
  expired: "This API token has expired.",
  user: "The user who created this API token can no longer sign in.",
} as const;

/** The user a token acts as, or an ApiError (401 invalid, 403 not allowed here, 429 too many). */
export async function tokenUser(req: Request, token: string, options: { sessionsOnly?: boolean } = {}): Promise<SessionUser> {
  const check = await authenticateToken(token, clientAddress(req.headers).address);
  if (!check.ok) throw new ApiError("unauthorized", REFUSALS[check.reason]);
  const { principal } = check;
  if (options.sessionsOnly)
    throw new ApiError("forbidden", "API tokens cannot manage tokens, approvals or sessions: sign in to the dashboard for that.");
  if (principal.scope === "read" && !READ_METHODS.has(req.method))
    throw new ApiError("forbidden", "This API token is read-only: it may only make GET requests.");
  const rate = await checkTokenRate(principal.tokenId, sharedRateCounter());
  if (!rate.allowed)
    throw new ApiError("rate_limited", `This API token made more than ${TOKEN_RATE_PER_MINUTE} requests this minute. Retry after ${rate.retryAfterS} s.`, {
      headers: { "retry-after": String(rate.retryAfterS) },
    });
  return { ...principal.user, role: principal.role, token: { id: principal.tokenId, name: principal.tokenName } };
}
