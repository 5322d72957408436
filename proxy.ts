// Runs before every request (Next 16's renamed middleware). Two jobs, neither touching the
// database: security headers on every response, and a quick redirect to /login for page requests
// without a session cookie. The real session and role checks happen on the server in each page
// (requirePageUser) and API route (apiRoute).
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, PATH_HEADER } from "@/lib/auth/cookie";
import { isHttps, securityHeaders } from "@/lib/security/headers";

const PUBLIC_PAGES = new Set(["/login"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  // Next's assets and files from public/ (anything with an extension).
  const isAsset = pathname.startsWith("/_next/") || pathname.startsWith("/__") || /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
  const isPage = !isApi && !isAsset;
  const nonce = isPage ? btoa(crypto.randomUUID()) : undefined;
  const headers = securityHeaders({ nonce, dev: process.env.NODE_ENV === "development", https: isHttps(request.nextUrl, request.headers) });

  let response: NextResponse;
  if (isPage && !PUBLIC_PAGES.has(pathname) && !hasSessionCookie(request.headers.get("cookie"))) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", pathname + search);
    response = NextResponse.redirect(login);
  } else {
    const forward = new Headers(request.headers);
    forward.set(PATH_HEADER, pathname + search);
    if (nonce) {
      // Next takes the nonce for its scripts from the request's CSP header.
      forward.set("content-security-policy", headers["content-security-policy"]!);
      forward.set("x-nonce", nonce);
    }
    response = NextResponse.next({ request: { headers: forward } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
