import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const call = (url: string, headers: Record<string, string> = {}) => proxy(new NextRequest(url, { headers }));
const COOKIE = { cookie: "dashboard.session_token=abc.def" };

describe("proxy", () => {
  it("sends page requests without a session cookie to /login?next=", () => {
    const res = call("http://127.0.0.1:3000/invoices?page=2");
    expect(res.status).toBe(307);
    // (Next's server then makes a same-host Location relative.)
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname + location.search).toBe("/login?next=%2Finvoices%3Fpage%3D2");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("lets /login, API routes and assets through without a cookie", () => {
    for (const url of ["/login", "/api/balance", "/_next/static/chunks/a.js", "/favicon.ico"])
      expect(call(`http://127.0.0.1:3000${url}`).headers.get("x-middleware-next"), url).toBe("1");
  });

  it("gives pages a fresh nonce CSP without unsafe-eval outside development, on the response and the request", () => {
    const a = call("http://127.0.0.1:3000/", COOKIE);
    const b = call("http://127.0.0.1:3000/", COOKIE);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    // Next reads the nonce from the forwarded request header.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-dashboard-path")).toBe("/");
  });

  it("sets the other security headers on every response, HSTS only over HTTPS", () => {
    const api = call("http://127.0.0.1:3000/api/balance");
    expect(api.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(api.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("strict-transport-security")).toBeNull();
    expect(call("https://dash.example.com/api/balance").headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(call("http://127.0.0.1:3000/login", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).not.toBeNull();
  });
});
