import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { GET as actionLog } from "@/app/api/action-log/route";
import { GET as balance } from "@/app/api/balance/route";
import { POST as payments } from "@/app/api/payments/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/tokens/[id]/route";
import { POST as signOutRoute } from "@/app/api/sessions/sign-out-everywhere/route";
import { callRoute, session, useSimUpstream } from "@/lib/api/testing/sim-harness";
import type { SessionUser } from "@/lib/auth/session";
import { addUser, setUserDisabled, setUserRole } from "@/lib/auth/users";
import { db, engine } from "@/lib/db";
import { describeEachEngine, describeWithRedis } from "@/lib/db/testing";
import { createSharedRedis } from "@/lib/shared/redis";
import { checkTokenRate, createToken, databaseRateCounter, sharedRateCounter } from "./store";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

const { sim } = useSimUpstream();
const PASSWORD = "tokens test password";

async function makeUser(email: string, role: "owner" | "finance"): Promise<SessionUser> {
  const u = await addUser({ email, role, password: PASSWORD });
  return { id: u.id, email: u.email, name: u.name, role };
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

async function newToken(as: SessionUser, body: Record<string, unknown>) {
  session.user = as;
  const res = await callRoute(createTokenRoute, "/api/tokens", { method: "POST", body });
  session.user = null; // from here on only the token speaks
  return res;
}

/** Every row of every table of ours, as text: where a clear token would show. */
async function everyRowText(): Promise<string> {
  const d = await db();
  const tables =
    engine() === "sqlite"
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(d)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(d)).rows.map((r) => r.name);
  expect(tables).toContain("api_token");
  const parts: string[] = [];
  for (const t of tables) parts.push(JSON.stringify((await sql`select * from ${sql.table(t)}`.execute(d)).rows));
  return parts.join("\n");
}

await describeEachEngine("API tokens", () => {
  let owner: SessionUser, finance: SessionUser, owner2: SessionUser;
  it("setup", async () => {
    owner = await makeUser("tok-owner@example.com", "owner");
    owner2 = await makeUser("tok-owner2@example.com", "owner");
    finance = await makeUser("tok-fin@example.com", "finance");
  });

  it("is shown once, stored only as a hash, and listed without the secret", async () => {
    const res = await newToken(owner, { name: "nightly export", role: "owner", scope: "read" });
    expect(res.status).toBe(201);
    const { token, prefix, id } = res.json.data;
    expect(token).toMatch(/^tbd_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(token.length / 2);
    session.user = owner;
    const list = await callRoute(listTokensRoute, "/api/tokens");
    const listed = list.json.data.find((t: { id: string }) => t.id === id);
    expect(listed).toMatchObject({ name: "nightly export", prefix, role: "owner", scope: "read", user_email: owner.email, status: "active", last_used_at: null });
    expect(JSON.stringify(list.json)).not.toContain(token);
    // Use it once, so the action log and last-use columns are written too, then search everything.
    expect((await callRoute(balance, "/api/balance", { headers: bearer(token) })).status).toBe(200);
    const text = await everyRowText();
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(prefix.length));
    expect(text).toContain(prefix);
  });

  it("works on the routes its role allows, records last use, and a finance token is refused on owner routes", async () => {
    const fin = (await newToken(finance, { name: "fin reads", role: "finance", scope: "read" })).json.data;
    const res = await callRoute(balance, "/api/balance", { headers: bearer(fin.token, { "x-dashboard-client-address": "203.0.113.9" }) });
    expect(res.status).toBe(200);
    const refused = await callRoute(actionLog, "/api/action-log", { headers: bearer(fin.token) });
    expect(refused.status).toBe(403);
    session.user = finance;
    const listed = (await callRoute(listTokensRoute, "/api/tokens")).json.data.find((t: { id: string }) => t.id === fin.id);
    expect(listed.last_used_at).not.toBeNull();
  });

  it("a finance user cannot create an owner token; a bad body is a 422", async () => {
    expect((await newToken(finance, { name: "sneaky", role: "owner", scope: "write" })).status).toBe(403);
    const bad = await newToken(owner, { name: "", role: "admin", scope: "all" });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { source: { pointer: string } }) => e.source.pointer).sort()).toEqual(["/name", "/role", "/scope"]);
    const past = await newToken(owner, { name: "old", role: "owner", scope: "read", expires_at: "2001-01-01T00:00:00Z" });
    expect(past.status).toBe(422);
  });

  it("a read-only token is refused on writes, before anything goes upstream", async () => {
    const ro = (await newToken(owner, { name: "ro", role: "owner", scope: "read" })).json.data;
    const before = await sim.count("/payments");
    const res = await callRoute(payments, "/api/payments", { method: "POST", body: { amount: "10.00" }, headers: bearer(ro.token, { "idempotency-key": "ro-1" }) });
    expect(res.status).toBe(403);
    expect(res.json.errors[0].detail).toMatch(/read-only/);
    expect(await sim.count("/payments")).toBe(before);
  });

  it("a write token pays without an Origin header (none is ambient), and the action log names the token", async () => {
    const rw = (await newToken(owner, { name: "treasury script", role: "owner", scope: "write" })).json.data;
    const res = await callRoute(payments, "/api/payments", {
      method: "POST",
      body: { amount: "12.00" },
      headers: bearer(rw.token, { "idempotency-key": `token-payment-${engine()}-0001`, origin: "https://elsewhere.example" }),
    });
    expect(res.status, res.text).toBe(200);
    const d = await db();
    const rows = await d.selectFrom("action_log").selectAll().where("user_id", "=", owner.id).orderBy("id", "desc").limit(2).execute();
    const byAction = Object.fromEntries(rows.map((r) => [r.action, JSON.parse(r.params)]));
    expect(byAction["payment.create"]).toMatchObject({ amount: "12.00", api_client: "treasury script" });
    expect(byAction["api_token.write"]).toMatchObject({ method: "POST", path: "/api/payments", status: 200, api_client: "treasury script" });
  });

  it("a session's write still needs the same origin", async () => {
    session.user = owner;
    const res = await callRoute(createTokenRoute, "/api/tokens", { method: "POST", body: { name: "x", role: "owner", scope: "read" }, headers: { origin: "https://elsewhere.example" } });
    expect(res.status).toBe(403);
  });

  it("tokens cannot manage tokens or sessions (sessions only)", async () => {
    const rw = (await newToken(owner, { name: "rw", role: "owner", scope: "write" })).json.data;
    expect((await callRoute(listTokensRoute, "/api/tokens", { headers: bearer(rw.token) })).status).toBe(403);
    const create = await callRoute(createTokenRoute, "/api/tokens", { method: "POST", body: { name: "child", role: "owner", scope: "write" }, headers: bearer(rw.token) });
    expect(create.status).toBe(403);
    expect((await callRoute(revokeTokenRoute, `/api/tokens/${rw.id}`, { method: "DELETE", headers: bearer(rw.token), params: { id: rw.id } })).status).toBe(403);
    expect((await callRoute(signOutRoute, "/api/sessions/sign-out-everywhere", { method: "POST", body: {}, headers: bearer(rw.token) })).status).toBe(403);
  });

  it("is unusable at once after revocation; a non-owner cannot revoke another's token, an owner can", async () => {
    const mine = (await newToken(finance, { name: "fin", role: "finance", scope: "read" })).json.data;
    const theirs = (await newToken(owner2, { name: "o2", role: "owner", scope: "read" })).json.data;
    expect((await callRoute(balance, "/api/balance", { headers: bearer(mine.token) })).status).toBe(200);
    session.user = finance;
    expect((await callRoute(revokeTokenRoute, `/api/tokens/${theirs.id}`, { method: "DELETE", params: { id: theirs.id } })).status).toBe(404);
    const finList = (await callRoute(listTokensRoute, "/api/tokens")).json.data as { user_id: string }[];
    expect(finList.every((t) => t.user_id === finance.id)).toBe(true);
    session.user = owner; // owners revoke anyone's
    const revoked = await callRoute(revokeTokenRoute, `/api/tokens/${mine.id}`, { method: "DELETE", params: { id: mine.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.status).toBe("revoked");
    session.user = null;
    const after = await callRoute(balance, "/api/balance", { headers: bearer(mine.token) });
    expect(after.status).toBe(401);
    expect(after.json.errors[0].detail).toMatch(/revoked/);
    expect((await callRoute(balance, "/api/balance", { headers: bearer(theirs.token) })).status).toBe(200);
  });

  it("an expired token, an unknown one and a malformed header are refused", async () => {
    session.user = null;
    const now = Date.now();
    const old = await createToken(owner, { name: "short", role: "owner", scope: "read", expiresAt: now - 1 }, now - 60_000);
    const res = await callRoute(balance, "/api/balance", { headers: bearer(old.token) });
    expect([res.status, res.json.errors[0].detail]).toEqual([401, "This API token has expired."]);
    const unknown = "tbd_" + "A".repeat(43);
    expect((await callRoute(balance, "/api/balance", { headers: bearer(unknown) })).status).toBe(401);
    expect((await callRoute(balance, "/api/balance", { headers: { authorization: "Bearer" } })).status).toBe(401);
    // Another scheme (a proxy's Basic auth) is not ours: the session decides (none here).
    expect((await callRoute(balance, "/api/balance", { headers: { authorization: "Basic abc" } })).status).toBe(401);
    session.user = owner;
    expect((await callRoute(balance, "/api/balance", { headers: { authorization: "Basic abc" } })).status).toBe(200);
    session.user = null;
  });

  it("follows its creator: demoted to finance it reads as finance; disabled, it stops", async () => {
    const u = await makeUser("tok-temp-owner@example.com", "owner");
    const t = (await newToken(u, { name: "temp", role: "owner", scope: "read" })).json.data;
    expect((await callRoute(actionLog, "/api/action-log", { headers: bearer(t.token) })).status).toBe(200);
    await setUserRole(u.email, "finance");
    expect((await callRoute(actionLog, "/api/action-log", { headers: bearer(t.token) })).status).toBe(403);
    await setUserDisabled(u.email, true);
    expect((await callRoute(balance, "/api/balance", { headers: bearer(t.token) })).status).toBe(401);
  });

  it("counts requests per token per minute in the database, shared by concurrent callers", async () => {
    const t = await createToken(owner, { name: "rate", role: "owner", scope: "read", expiresAt: null });
    const now = Date.UTC(2026, 0, 1, 12, 0, 30);
    const results = await Promise.all(Array.from({ length: 8 }, () => checkTokenRate(t.id, databaseRateCounter, now, 5)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.find((r) => !r.allowed)!.retryAfterS).toBe(30);
    // The next minute starts afresh.
    expect((await checkTokenRate(t.id, databaseRateCounter, now + 30_000, 5)).allowed).toBe(true);
  });

  it("answers 429 with Retry-After past 600 requests a minute", async () => {
    const t = await createToken(owner, { name: "busy", role: "owner", scope: "read", expiresAt: null });
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    await (await db()).insertInto("api_token_rate").values({ token_id: t.id, window_start: windowStart, count: 600 }).execute();
    const res = await callRoute(balance, "/api/balance", { headers: bearer(t.token) });
    if (Math.floor(Date.now() / 60_000) * 60_000 !== windowStart) return; // the minute turned mid-test
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

await describeWithRedis("API token rate in Redis", ({ url, prefix }) => {
  it("two instances' counters share one count", async () => {
    const a = createSharedRedis(url, prefix());
    const b = createSharedRedis(url, prefix());
    try {
      await vi.waitFor(() => expect(a.available() && b.available()).toBeTruthy());
      const now = Date.UTC(2026, 0, 1, 12, 0, 0);
      const calls = Array.from({ length: 6 }, (_, i) => checkTokenRate("tok_redis", sharedRateCounter(i % 2 ? a : b), now, 4));
      const results = await Promise.all(calls);
      expect(results.filter((r) => r.allowed)).toHaveLength(4);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("bearer header", () => {
  it("is parsed strictly", async () => {
    const { bearerToken } = await import("./bearer");
    expect(bearerToken(new Headers())).toBeNull();
    expect(bearerToken(new Headers({ authorization: "Bearer tbd_x" }))).toBe("tbd_x");
    expect(bearerToken(new Headers({ authorization: "Basic dXNlcjpwYXNz" }))).toBeNull();
    expect(() => bearerToken(new Headers({ authorization: "Bearer a b" }))).toThrow(/Bearer/);
  });
});
