import { describe, expect, it } from "vitest";
import { cookieHeader, useTempDatabase } from "@/lib/db/testing";
import { addUser } from "@/lib/auth/users";
import { getSessionUser } from "@/lib/auth/session";
import { resetServerEnvForTests } from "@/lib/env";
import { CLIENT_PROTO_HEADER } from "@/lib/security/client-headers.mjs";
import { POST as loginRoute } from "./login/route";
import { POST as logoutRoute } from "./logout/route";

useTempDatabase();
const ORIGIN = "http://127.0.0.1:3000";
const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { host: "127.0.0.1:3000", origin: ORIGIN, ...headers } });
const json = (value: unknown) => JSON.stringify(value);
const form = (fields: Record<string, string>) => post("/api/auth/login", new URLSearchParams(fields), { "content-type": "application/x-www-form-urlencoded" });

describe("POST /api/auth/login and /logout", () => {
  it("204 + an httpOnly SameSite=Lax cookie for the right password; logout ends the session", async () => {
    await addUser({ email: "o@example.com", role: "owner", password: "owner password 1" });
    const res = await loginRoute(post("/api/auth/login", json({ email: "o@example.com", password: "owner password 1" }), { "content-type": "application/json" }));
    expect(res.status).toBe(204);
    const cookies = res.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^dashboard\.session_token=.*HttpOnly.*SameSite=Lax/i);
    const headers = new Headers({ cookie: cookieHeader(cookies) });
    expect(await getSessionUser(headers)).toMatchObject({ role: "owner" });

    const out = await logoutRoute(post("/api/auth/logout", null, { cookie: headers.get("cookie")! }));
    expect(out.status).toBe(204);
    expect(await getSessionUser(headers)).toBeNull();
  });

  it("401 in the error shape for a wrong password", async () => {
    const res = await loginRoute(post("/api/auth/login", json({ email: "o@example.com", password: "nope nope nope" }), { "content-type": "application/json" }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ code: "unauthorized", title: "Sign-in failed", detail: "Email or password is incorrect." }] });
  });

  it("422 for missing fields, 403 without a same-origin proof", async () => {
    const bad = await loginRoute(post("/api/auth/login", json({ email: "o@example.com" }), { "content-type": "application/json" }));
    expect(bad.status).toBe(422);
    const foreign = await loginRoute(post("/api/auth/login", json({ email: "o@example.com", password: "owner password 1" }), { "content-type": "application/json", origin: "https://evil.example" }));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    expect((await logoutRoute(post("/api/auth/logout", null, { origin: "https://evil.example" }))).status).toBe(403);
  });

  it("a plain form post gets a 303 to `next` (or back to /login with an error code)", async () => {
    const ok = await loginRoute(form({ email: "o@example.com", password: "owner password 1", next: "/invoices?page=2" }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/invoices?page=2");
    expect(ok.headers.getSetCookie()).toHaveLength(1);
    const evil = await loginRoute(form({ email: "o@example.com", password: "owner password 1", next: "//evil.example/" }));
    expect(evil.headers.get("location")).toBe("/");
    const wrong = await loginRoute(form({ email: "o@example.com", password: "wrong wrong wrong", next: "/invoices" }));
    expect(wrong.headers.get("location")).toBe("/login?error=invalid&next=%2Finvoices");
  });

  it("a form login with a non-ASCII or control-character `next` still signs in and lands on a valid page", async () => {
    const accented = await loginRoute(form({ email: "o@example.com", password: "owner password 1", next: "/usage?tags=café" }));
    expect(accented.status).toBe(303);
    expect(accented.headers.get("location")).toBe("/usage?tags=caf%C3%A9");
    expect(accented.headers.getSetCookie()).toHaveLength(1);
    for (const next of ["/\u000a/x", "/\u0009/evil.example/phish"]) {
      const res = await loginRoute(form({ email: "o@example.com", password: "owner password 1", next }));
      expect([res.status, res.headers.get("location"), res.headers.getSetCookie().length]).toEqual([303, "/", 1]);
    }
  });

  describe("COOKIE_SECURE", () => {
    const withEnv = async (value: string, run: () => Promise<void>) => {
      process.env.COOKIE_SECURE = value;
      resetServerEnvForTests();
      try {
        await run();
      } finally {
        delete process.env.COOKIE_SECURE;
        resetServerEnvForTests();
      }
    };
    const signIn = (headers: Record<string, string>) =>
      loginRoute(post("/api/auth/login", json({ email: "o@example.com", password: "owner password 1" }), { "content-type": "application/json", ...headers }));

    it("auto: a plain cookie over HTTP, a __Secure- one over HTTPS; a session is accepted under either name", async () => {
      await withEnv("auto", async () => {
        const overHttp = (await signIn({ [CLIENT_PROTO_HEADER]: "http" })).headers.getSetCookie();
        expect(overHttp[0]).toMatch(/^dashboard\.session_token=/);
        expect(overHttp[0]).not.toMatch(/;\s*Secure/i);
        const overHttps = (await signIn({ [CLIENT_PROTO_HEADER]: "https" })).headers.getSetCookie();
        expect(overHttps[0]).toMatch(/^__Secure-dashboard\.session_token=.*;\s*Secure/i);
        for (const cookies of [overHttp, overHttps]) expect(await getSessionUser(new Headers({ cookie: cookieHeader(cookies) }))).toMatchObject({ role: "owner" });
      });
    });

    it("1 over plain HTTP on a LAN address: refused with a message saying why, no session made", async () => {
      await withEnv("1", async () => {
        const res = await signIn({ host: "192.168.1.20:3000", origin: "http://192.168.1.20:3000", [CLIENT_PROTO_HEADER]: "http" });
        expect(res.status).toBe(403);
        expect(res.headers.getSetCookie()).toEqual([]);
        expect((await res.json()).errors[0].detail).toMatch(/COOKIE_SECURE/);
        const formRes = await loginRoute(
          post("/api/auth/login", new URLSearchParams({ email: "o@example.com", password: "owner password 1" }), {
            "content-type": "application/x-www-form-urlencoded", host: "192.168.1.20:3000", origin: "http://192.168.1.20:3000", [CLIENT_PROTO_HEADER]: "http",
          }),
        );
        expect(formRes.headers.get("location")).toMatch(/^\/login\?error=cookie/);
      });
    });
  });
});
