// POST /api/auth/login {email, password} → 204 + session cookie. For scripts and the login form.
// A plain (no-JavaScript) form post is answered with a 303 back to the page instead.
import { z } from "zod";
import { ApiError, errorResponse, invalidInput } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/request";
import { COOKIE_BLOCKED, safeNextPath } from "@/lib/auth/cookie";
import { login } from "@/lib/auth/login";
import { log } from "@/lib/log";
import { assertSameOrigin } from "@/lib/security/same-origin";
import type { LoginErrorCode } from "@/app/login/messages";

const credentials = z.object({
  email: z.string("Enter your email address.").trim().min(1, "Enter your email address.").max(254).pipe(z.email("Enter a valid email address.")),
  password: z.string("Enter your password.").min(1, "Enter your password.").max(1024),
});

const formCode = (e: ApiError): LoginErrorCode =>
  e.message === COOKIE_BLOCKED ? "cookie" : e.status === 401 ? "invalid" : e.status === 429 ? "throttled" : e.status === 422 ? "input" : e.status === 403 ? "origin" : "error";

export async function POST(req: Request): Promise<Response> {
  const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(req.headers.get("content-type") ?? "");
  let next = "/";
  try {
    assertSameOrigin(req);
    const raw = isForm ? Object.fromEntries(await req.formData()) : await readJsonBody(req);
    if (isForm) next = safeNextPath(typeof raw === "object" && raw && "next" in raw ? String(raw.next) : null);
    const parsed = credentials.safeParse(raw);
    if (!parsed.success) throw invalidInput(parsed.error, "body");
    const { setCookies } = await login(parsed.data.email, parsed.data.password, req.headers);
    const headers = new Headers({ "cache-control": "no-store" });
    for (const c of setCookies) headers.append("set-cookie", c);
    if (isForm) headers.set("location", next);
    return new Response(null, { status: isForm ? 303 : 204, headers });
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError("internal", "Signing in failed on the server. Try again.");
    if (!(error instanceof ApiError)) log.error("auth.login_failed", { message: (error as Error)?.message });
    if (!isForm) return errorResponse(apiError);
    const to = `/login?error=${formCode(apiError)}&next=${encodeURIComponent(next)}`;
    return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
  }
}
