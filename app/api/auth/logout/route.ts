// POST /api/auth/logout → 204 and the session ends (in the database too, so a copied cookie is
// dead). A plain form post gets a 303 to /login. Succeeds without a session as well.
import { ApiError, errorResponse } from "@/lib/api/errors";
import { logout } from "@/lib/auth/login";
import { log } from "@/lib/log";
import { assertSameOrigin } from "@/lib/security/same-origin";

export async function POST(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
    const headers = new Headers({ "cache-control": "no-store" });
    for (const c of await logout(req.headers)) headers.append("set-cookie", c);
    const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(req.headers.get("content-type") ?? "");
    if (isForm) headers.set("location", "/login");
    return new Response(null, { status: isForm ? 303 : 204, headers });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    log.error("auth.logout_failed", { message: (error as Error)?.message });
    return errorResponse(new ApiError("internal", "Signing out failed on the server. Try again."));
  }
}
