// Top-ups and who made them: the pure matching, then the Payments API against the simulator with
// the ledger's audit events, a payment made through the dashboard and one made outside it.
import { expect, it, describe, vi } from "vitest";
import { GET as getPayments, POST as postPayment } from "@/app/api/payments/route";
import { GET as getPaymentsCsv } from "@/app/api/payments.csv/route";
import { callRoute, session, TEST_API_KEY, useSimUpstream, users } from "@/lib/api/testing/sim-harness";
import { db, engine } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { runStream } from "@/lib/ledger/runner";
import { testConfig } from "@/lib/ledger/testing";
import { classifyTopUps, type PaymentEventLike } from "./topups";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const event = (id: string, at: string, amount: string, auto = false): PaymentEventLike => ({
  id,
  created_at: at,
  resource_id: `pay-${id}`,
  change_made_by: auto ? "telnyx" : "account_owner",
  changes: [
    { field: "amount", from: null, to: amount },
    { field: "balance", from: "10.00", to: String(10 + Number(amount)) },
    ...(auto ? [{ field: "auto_recharge", from: null, to: true }] : []),
  ],
});

describe("classifyTopUps", () => {
  it("names the dashboard user, auto-recharge and the Telnyx portal; a dashboard payment not in the audit log yet is listed from the action log", () => {
    const out = classifyTopUps(
      [
        event("a", "2026-10-03T10:00:05Z", "50.00"), // dashboard (matched)
        event("b", "2026-10-04T00:00:01Z", "150.00", true), // auto-recharge
        event("c", "2026-10-05T09:00:00Z", "75.00"), // portal: no dashboard payment of that amount near it
        event("d", "2026-10-06T09:00:00Z", "50.00"), // portal: the dashboard's 50.00 is a day away
        { id: "e", created_at: "2026-10-07T00:00:00Z", changes: [{ field: "amount", from: null, to: "not money" }] },
      ],
      [
        { at: "2026-10-03T10:00:00Z", email: "finance-owner@example.com", amount: "50" },
        { at: "2026-10-08T12:00:00Z", email: "later@example.com", amount: "20.00" },
      ],
      "USD",
    );
    expect(out.map((t) => [t.at.slice(0, 10), t.amount, t.kind, t.who, t.seen_in])).toEqual([
      ["2026-10-03", "50.00", "dashboard", "finance-owner@example.com", "both"],
      ["2026-10-04", "150.00", "auto_recharge", "Auto-recharge", "audit_log"],
      ["2026-10-05", "75.00", "portal", "Telnyx portal", "audit_log"],
      ["2026-10-06", "50.00", "portal", "Telnyx portal", "audit_log"],
      ["2026-10-08", "20.00", "dashboard", "later@example.com", "action_log"],
    ]);
    expect(out[0]).toMatchObject({ payment_id: "pay-a", balance_before: "10.00", balance_after: "60.00", method: expect.stringMatching(/dashboard/) });
    expect(out[2]!.method).toBeNull();
  });

  it("two dashboard payments of the same amount each match their nearest event once", () => {
    const out = classifyTopUps(
      [event("x", "2026-10-03T10:00:00Z", "25.00"), event("y", "2026-10-03T10:05:00Z", "25.00")],
      [
        { at: "2026-10-03T10:04:50Z", email: "b@example.com", amount: "25.00" },
        { at: "2026-10-03T09:59:58Z", email: "a@example.com", amount: "25.00" },
      ],
      "USD",
    );
    expect(out.map((t) => [t.audit_event_id, t.who])).toEqual([
      ["x", "a@example.com"],
      ["y", "b@example.com"],
    ]);
  });
});

const { state } = useSimUpstream();

await describeEachEngine("GET /api/payments", () => {
  it("finance sees auto-recharges from the ledger, the owner's dashboard payment by email, a portal payment as such; the CSV has the same rows", async () => {
    const pay = await callRoute(postPayment, "/api/payments", { method: "POST", body: { amount: "40.00" }, headers: { "idempotency-key": "topups-test-key-000001" } });
    expect(pay.status).toBe(200);
    // A payment made outside the dashboard (straight to Telnyx with the same key, as the portal would).
    const portal = await fetch(`${state.server.baseURL}/payment/stored_payment_transactions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ amount: "33.00" }),
    });
    expect(portal.status).toBe(200);
    // An auto-recharge: the balance falls below the threshold and the day's debit triggers it.
    const post = (path: string, body: unknown) =>
      fetch(`${state.server.url}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    expect((await post("/__sim/state", { balance: "1.00" })).status).toBe(200);
    expect((await post("/__sim/clock", { advance_s: 86_400 })).status).toBe(200);
    const w = { db: await db(), engine: engine(), config: testConfig() };
    expect(await runStream(w, "audit_events")).toBe("ok");

    session.user = users.finance;
    const from = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const res = await callRoute(getPayments, `/api/payments?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const data = res.json.data as { kind: string; who: string; amount: string; seen_in: string }[];
    expect(res.json.meta.source).toBe("ledger+live");
    expect(res.json.meta.audit_last_sync_at).toMatch(/Z$/);
    expect(data.filter((t) => t.kind === "auto_recharge").length).toBeGreaterThan(0);
    expect(data.filter((t) => t.kind === "auto_recharge").every((t) => t.who === "Auto-recharge")).toBe(true);
    expect(data).toContainEqual(expect.objectContaining({ kind: "dashboard", who: "owner@example.com", amount: "40.00", seen_in: "both" }));
    expect(data).toContainEqual(expect.objectContaining({ kind: "portal", who: "Telnyx portal", amount: "33.00", seen_in: "audit_log" }));
    const total = data.reduce((s, t) => s + Math.round(Number(t.amount) * 100), 0);
    expect(Math.round(Number(res.json.meta.total) * 100)).toBe(total);

    const csv = await callRoute(getPaymentsCsv, `/api/payments.csv?from=${from}&to=${to}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("at,amount,currency,who,kind,method,payment_id,balance_before,balance_after,seen_in");
    expect(lines.length - 1).toBe(data.length);
    expect(lines.some((l) => l.includes(",40.00,USD,owner@example.com,dashboard,"))).toBe(true);
  });

  it("refuses a bad range with 422 before reading anything, and the ledger alone when Telnyx is down is labelled", async () => {
    session.user = users.finance;
    const bad = await callRoute(getPayments, "/api/payments?from=2026-13-01");
    expect(bad.status).toBe(422);
    const w = { db: await db(), engine: engine(), config: testConfig() };
    await runStream(w, "audit_events");
    await fetch(`${state.server.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ path: "/audit_events", status: 503 }), headers: { "content-type": "application/json" } });
    const res = await callRoute(getPayments, "/api/payments");
    expect(res.status).toBe(200);
    expect(res.json.meta.source).toBe("ledger");
    expect(res.json.meta.warning).toMatch(/could not be read/);
  });
});
