// Writes through the real route handlers against the standalone simulator: what an answer from
// Telnyx means for the money (charged, not charged, unknown) and what the action log records.
import { createServer } from "node:net";
import Telnyx from "telnyx";
import { describe, expect, it, vi } from "vitest";
import { PATCH as patchAutoRecharge } from "@/app/api/auto-recharge/route";
import { POST as postPayment } from "@/app/api/payments/route";
import { listActions } from "@/lib/action-log";
import { isOutcomeUnknown } from "@/lib/api/errors";
import { callRoute, TEST_API_KEY, useSimUpstream } from "@/lib/api/testing/sim-harness";
import { upstream, setUpstreamForTests } from "@/lib/telnyx/client";
import { useTempDatabase } from "@/lib/db/testing";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

useTempDatabase();
const { sim } = useSimUpstream();
const PAYMENTS = "/payment/stored_payment_transactions";
let n = 0;
const newKey = () => `test-key-${Date.now()}-${++n}-abcdef`;
const pay = (key: string, amount = "25.00") =>
  callRoute(postPayment, "/api/payments", { method: "POST", body: { amount }, headers: { "idempotency-key": key } });
const lastAction = async (action: string) => (await listActions({ action, limit: 1, offset: 0 })).items[0];

describe("payments: one charge per Idempotency-Key", () => {
  it("a 429 is not stored: its answer keeps Retry-After, and the same key succeeds after the wait", async () => {
    await sim.fault({ path: PAYMENTS, method: "POST", status: 429, retryAfter: 2, times: 1 });
    const key = newKey();
    const limited = await pay(key);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    const retried = await pay(key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get("idempotent-replayed")).toBe("false");
    expect(await sim.count(PAYMENTS)).toBe(2);
    // Now it is charged, and that is what the key answers from here on.
    const replay = await pay(key);
    expect([replay.status, replay.headers.get("idempotent-replayed"), replay.json.data.id]).toEqual([200, "true", retried.json.data.id]);
    expect(await sim.count(PAYMENTS)).toBe(2);
  });

  it("400, 403, 404 and 422 prove nothing was charged too; a 409 does not", async () => {
    for (const status of [400, 403, 404, 422]) {
      await sim.fault({ path: PAYMENTS, method: "POST", status, times: 1 });
      const key = newKey();
      expect((await pay(key)).status).toBeGreaterThanOrEqual(400);
      expect((await pay(key)).status).toBe(200);
    }
    await sim.fault({ path: PAYMENTS, method: "POST", status: 409, times: 1 });
    const key = newKey();
    const conflict = await pay(key);
    const again = await pay(key);
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([conflict.status, "true"]);
  });

  it("a request that never left (connection refused) releases the key too", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r)); // nothing listens there now
    const sim = upstream();
    const baseURL = `http://127.0.0.1:${port}/v2`;
    setUpstreamForTests({ ...sim, client: new Telnyx({ apiKey: TEST_API_KEY, baseURL, maxRetries: 0, logLevel: "off" }), baseURL });
    const key = newKey();
    let refused;
    try {
      refused = await pay(key);
    } finally {
      setUpstreamForTests(sim);
    }
    expect(refused.status).toBe(503);
    expect(isOutcomeUnknown(refused.json)).toBe(false);
    expect((await pay(key)).status).toBe(200);
  });

  it("a 5xx leaves the charge unknown: stored, replayed, never sent again, recorded as unknown", async () => {
    await sim.fault({ path: PAYMENTS, method: "POST", status: 500, times: 1 });
    const key = newKey();
    const first = await pay(key);
    expect(first.status).toBe(504);
    expect(isOutcomeUnknown(first.json)).toBe(true);
    expect(first.json.errors[0].detail).toMatch(/may or may not have been charged/);
    const again = await pay(key);
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([504, "true"]);
    expect(await sim.count(PAYMENTS)).toBe(1);
    expect((await lastAction("payment.create"))?.outcome).toBe("unknown");
  });
});

describe("auto-recharge: an ambiguous failure is an unknown outcome", () => {
  it.each([500, 502, 503])("an upstream %i on PATCH says 'outcome unknown, check the current settings' and is logged as unknown", async (status) => {
    await sim.fault({ path: "/payment/auto_recharge_prefs", method: "PATCH", status, times: 1 });
    const res = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { enabled: false } });
    expect(res.status).toBe(504);
    expect(isOutcomeUnknown(res.json)).toBe(true);
    expect(res.json.errors[0].detail).toMatch(/Check the current settings/);
    expect((await lastAction("auto_recharge.update"))?.outcome).toBe("unknown");
    expect(await sim.count("/payment/auto_recharge_prefs")).toBe(1); // never retried
  });

  it("a refusal is still a plain failure", async () => {
    await sim.fault({ path: "/payment/auto_recharge_prefs", method: "PATCH", status: 422, times: 1 });
    const res = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { enabled: false } });
    expect(res.status).toBe(422);
    expect(isOutcomeUnknown(res.json)).toBe(false);
    expect((await lastAction("auto_recharge.update"))?.outcome).toBe("failure");
  });
});
