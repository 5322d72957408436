// Two dashboard instances, started as the README ships them, on one Postgres, one Redis (behind a
// TCP proxy this spec owns) and one standalone simulator: sessions, the read cache, idempotency,
// the login throttle and the 429 hold are shared; losing Redis degrades without failing requests.
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  createDatabase,
  deleteRedisPrefix,
  npmRun,
  PORTS,
  REDIS_URL,
  servicesMissing,
  startCommand,
  startProcess,
  stop,
  TcpProxy,
  USERS,
  waitForUrl,
} from "./stack";

test.describe.configure({ mode: "serial" });

const SIM = `http://127.0.0.1:${PORTS.sim}`;
const A = `http://127.0.0.1:${PORTS.a}`;
const B = `http://127.0.0.1:${PORTS.b}`;
const PREFIX = `${process.env.TEST_DB_TAG || "dashboard"}-e2e-${randomUUID().slice(0, 8)}:`;

let missing: string | null = null;
let sim: ChildProcess | undefined;
const instances: Record<string, ChildProcess | undefined> = {};
let proxy: TcpProxy | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let env: Record<string, string> = {};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  missing = await servicesMissing();
  if (missing) {
    if (process.env.CI === "true") throw new Error(`The two-instance test needs ${missing}`);
    console.warn(`Two-instance test skipped: nothing answered at ${missing}`);
    return;
  }
  const db = await createDatabase("e2e");
  dropDatabase = db.drop;
  const redisTarget = new URL(REDIS_URL);
  proxy = new TcpProxy(PORTS.redisProxy, { host: redisTarget.hostname, port: Number(redisTarget.port || 6379) });
  await proxy.start();
  env = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: db.url,
    REDIS_URL: `redis://127.0.0.1:${PORTS.redisProxy}`,
    REDIS_PREFIX: PREFIX,
    SESSION_SECRET: "multi-instance-session-secret-0123456789abcdef",
    TELNYX_API_KEY: "KEYmulti_fake_key_0123456789",
    TELNYX_API_BASE_URL: `${SIM}/v2`,
  };
  sim = startProcess("sim", "node_modules/.bin/tsx", ["scripts/sim.ts", "--port", String(PORTS.sim), "--seed", "42"], {});
  // The README's steps: migrate once, create users, start each instance.
  npmRun("db:migrate", [], env);
  npmRun("users", ["add", "--email", USERS.owner.email, "--role", "owner", "--password-stdin"], env, USERS.owner.password);
  npmRun("users", ["add", "--email", USERS.finance.email, "--role", "finance", "--password-stdin"], env, USERS.finance.password);
  instances.a = startProcess("instance-a", "node", startCommand(PORTS.a), env);
  instances.b = startProcess("instance-b", "node", startCommand(PORTS.b), env);
  await waitForUrl(`${SIM}/__sim/requests`, sim, "sim");
  await Promise.all([waitForUrl(`${A}/api/health?ready=1`, instances.a, "instance-a"), waitForUrl(`${B}/api/health?ready=1`, instances.b, "instance-b")]);
});

test.afterAll(async () => {
  test.setTimeout(90_000);
  const codes = await Promise.all([stop(instances.a), stop(instances.b)]);
  await stop(sim);
  await proxy?.cut();
  await dropDatabase?.();
  if (!missing) await deleteRedisPrefix(PREFIX);
  // SIGTERM is a graceful shutdown: both exit 0.
  if (!missing) expect(codes).toEqual([0, 0]);
});

test.beforeEach(() => {
  test.skip(!!missing, `needs Postgres and Redis (${missing})`);
});

const origin = (base: string) => ({ origin: base });
async function login(base: string, user: { email: string; password: string }, expected = 204): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...origin(base) },
    body: JSON.stringify(user),
  });
  expect(res.status, await res.clone().text()).toBe(expected);
  return res.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
}
const get = (base: string, path: string, cookie: string) => fetch(`${base}${path}`, { headers: { cookie } });
async function sim429(path: string, retryAfter: number) {
  await fetch(`${SIM}/__sim/faults`, { method: "POST", body: JSON.stringify({ path, status: 429, retryAfter, times: 1 }) });
}
async function simCount(path: string, method = "GET"): Promise<number> {
  const { data } = (await (await fetch(`${SIM}/__sim/requests`)).json()) as { data: { method: string; path: string }[] };
  return data.filter((r) => r.method === method && r.path.replace(/^\/v2/, "") === path).length;
}
const simFault = (fault: object) => fetch(`${SIM}/__sim/faults`, { method: "POST", body: JSON.stringify(fault) });
const clearFaults = () => fetch(`${SIM}/__sim/faults`, { method: "DELETE" });
const spread = <T>(n: number, fn: (base: string, i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i % 2 ? B : A, i)));

let ownerCookie = "";

test("a session made on A works on B; signing out on B ends it on A", async () => {
  ownerCookie = await login(A, USERS.owner);
  expect((await get(B, "/api/action-log", ownerCookie)).status).toBe(200);
  const other = await login(A, USERS.owner);
  const out = await fetch(`${B}/api/auth/logout`, { method: "POST", headers: { cookie: other, ...origin(B) } });
  expect(out.status).toBeLessThan(400);
  expect((await get(A, "/api/action-log", other)).status).toBe(401);
  expect((await get(B, "/api/action-log", ownerCookie)).status).toBe(200);
});

test("a user disabled with npm run users is refused on both instances", async () => {
  const cookie = await login(B, USERS.finance);
  expect((await get(A, "/api/invoices", cookie)).status).toBe(200);
  npmRun("users", ["disable", "--email", USERS.finance.email], env);
  expect((await get(A, "/api/invoices", cookie)).status).toBe(401);
  expect((await get(B, "/api/invoices", cookie)).status).toBe(401);
});

test("200 concurrent balance reads over both instances: one upstream call", async () => {
  // The first balance read of the run: every read overlaps one slow upstream call.
  await fetch(`${SIM}/__sim/requests`, { method: "DELETE" });
  await simFault({ path: "/balance", latencyMs: 400 });
  const reads = await spread(200, async (base) => {
    const res = await get(base, "/api/balance", ownerCookie);
    return { status: res.status, body: await res.text() };
  });
  await clearFaults();
  expect(new Set(reads.map((r) => r.status))).toEqual(new Set([200]));
  expect(new Set(reads.map((r) => r.body)).size).toBe(1);
  expect(await simCount("/balance")).toBe(1);
});

test("20 concurrent payments with one Idempotency-Key over both instances: one upstream call, equal answers", async () => {
  await fetch(`${SIM}/__sim/requests`, { method: "DELETE" });
  await simFault({ path: "/payment/stored_payment_transactions", method: "POST", latencyMs: 300 });
  const key = randomUUID();
  const answers = await spread(20, async (base) => {
    const res = await fetch(`${base}/api/payments`, {
      method: "POST",
      headers: { cookie: ownerCookie, "content-type": "application/json", "idempotency-key": key, ...origin(base) },
      body: JSON.stringify({ amount: "25.00" }),
    });
    const body = (await res.json()) as { data?: unknown };
    return { status: res.status, data: JSON.stringify(body.data) };
  });
  await clearFaults();
  expect(await simCount("/payment/stored_payment_transactions", "POST")).toBe(1);
  expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
  expect(new Set(answers.map((a) => a.data)).size).toBe(1);
});

test("a 429 with Retry-After seen by A holds the operation on B too", async () => {
  await fetch(`${SIM}/__sim/requests`, { method: "DELETE" });
  await sim429("/user_tags", 30);
  const onA = await get(A, "/api/user-tags?starts_with=a", ownerCookie);
  expect(onA.status).toBe(429);
  const onB = await get(B, "/api/user-tags?starts_with=b", ownerCookie);
  expect(onB.status).toBe(429);
  expect(Number(onB.headers.get("retry-after"))).toBeGreaterThan(20);
  expect(await simCount("/user_tags")).toBe(1); // B never went upstream
});

test("a write on A (auto-recharge) shows in B's next read", async () => {
  const before = (await (await get(B, "/api/auto-recharge", ownerCookie)).json()) as { data: { threshold_amount: string } };
  const threshold = before.data.threshold_amount === "150.00" ? "175.00" : "150.00";
  const write = await fetch(`${A}/api/auto-recharge`, {
    method: "PATCH",
    headers: { cookie: ownerCookie, "content-type": "application/json", ...origin(A) },
    body: JSON.stringify({ threshold_amount: threshold }),
  });
  expect(write.status, await write.clone().text()).toBe(200);
  const after = (await (await get(B, "/api/auto-recharge", ownerCookie)).json()) as { data: { threshold_amount: string } };
  expect(after.data.threshold_amount).toBe(threshold);
});

test("Redis cut mid-test: both instances keep answering, and report it", async () => {
  await proxy!.cut();
  try {
    for (const base of [A, B]) {
      expect((await get(base, "/api/balance", ownerCookie)).status).toBe(200);
      expect((await get(base, "/api/invoices", ownerCookie)).status).toBe(200);
      const ready = await (await fetch(`${base}/api/health?ready=1`)).json();
      expect(ready).toEqual({ data: { status: "degraded", database: "ok", redis: "down" } });
    }
  } finally {
    await proxy!.restore();
  }
  // Back: readiness says so once the client has reconnected.
  await expect.poll(async () => (await (await fetch(`${B}/api/health?ready=1`)).json()).data.redis, { timeout: 15_000 }).toBe("ok");
});

test("two owners approving one payment at once on A and B: one upstream payment", async () => {
  const approvers = [
    { email: "owner2@multi.test", password: "owner2-password-multi-1" },
    { email: "owner3@multi.test", password: "owner3-password-multi-1" },
  ];
  for (const u of approvers) npmRun("users", ["add", "--email", u.email, "--role", "owner", "--password-stdin"], env, u.password);
  const [cookie2, cookie3] = [await login(A, approvers[0]!), await login(B, approvers[1]!)];
  const write = (base: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: path.endsWith("policy") ? "PUT" : "POST",
      headers: { cookie, "content-type": "application/json", ...origin(base), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  expect((await write(A, "/api/approvals/policy", ownerCookie, { payments_above: "100.00", auto_recharge: false })).status).toBe(200);
  const requested = await write(B, "/api/payments", ownerCookie, { amount: "250.00" }, { "idempotency-key": `multi-approval-${randomUUID()}` });
  expect(requested.status).toBe(202);
  const { data } = (await requested.json()) as { data: { approval_id: string } };
  const before = await simCount("/payment/stored_payment_transactions", "POST");
  const answers = await Promise.all([
    write(A, `/api/approvals/${data.approval_id}/approve`, cookie2),
    write(B, `/api/approvals/${data.approval_id}/approve`, cookie3),
  ]);
  expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  expect(await simCount("/payment/stored_payment_transactions", "POST")).toBe(before + 1);
  const seen = (await (await get(A, `/api/approvals/${data.approval_id}`, ownerCookie)).json()) as { data: { status: string } };
  expect(seen.data.status).toBe("succeeded");
});

test("an API token revoked on A is refused on B at its next request", async () => {
  const created = await fetch(`${A}/api/tokens`, {
    method: "POST",
    headers: { cookie: ownerCookie, "content-type": "application/json", ...origin(A) },
    body: JSON.stringify({ name: "multi", role: "owner", scope: "read" }),
  });
  expect(created.status).toBe(201);
  const { data } = (await created.json()) as { data: { id: string; token: string } };
  const withToken = (base: string) => fetch(`${base}/api/balance`, { headers: { authorization: `Bearer ${data.token}` } });
  expect((await withToken(B)).status).toBe(200);
  const revoked = await fetch(`${A}/api/tokens/${data.id}`, { method: "DELETE", headers: { cookie: ownerCookie, ...origin(A) } });
  expect(revoked.status).toBe(200);
  expect((await withToken(B)).status).toBe(401);
  expect((await withToken(A)).status).toBe(401);
});

test("10 failed logins spread over both instances: the throttle answers 429 on both", async () => {
  const victim = { email: USERS.owner.email, password: "not the password at all" };
  await spread(10, async (base) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...origin(base) },
      body: JSON.stringify(victim),
    });
    expect(res.status).toBe(401);
  });
  await login(A, victim, 429);
  await login(B, victim, 429);
});
