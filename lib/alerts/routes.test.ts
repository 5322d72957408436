// The alert API through its real route handlers: shapes fixed by issue #14, the secret shown once,
// bad rules refused with 422 naming the field (and nothing stored), mute, test sends, events,
// evaluate; the built-in rule cannot be deleted.
import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as evaluate } from "@/app/api/alerts/evaluate/route";
import { GET as listEvents } from "@/app/api/alerts/events/route";
import { DELETE as deleteRule, PATCH as patchRule } from "@/app/api/alerts/rules/[id]/route";
import { POST as testRule } from "@/app/api/alerts/rules/[id]/test/route";
import { GET as listRules, POST as createRule } from "@/app/api/alerts/rules/route";
import { callRoute, session, useSimUpstream, users } from "@/lib/api/testing/sim-harness";
import { db } from "@/lib/db";
import { useTempDatabase } from "@/lib/db/testing";
import { BUILTIN_STALE_ID } from "./store";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

useTempDatabase();
useSimUpstream();
const HOOK_PORT = 3181;
let hits = 0;
let hook: http.Server;
beforeAll(async () => {
  hook = http.createServer((req, res) => {
    hits++;
    req.resume().on("end", () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => hook.listen(HOOK_PORT, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())));
beforeEach(async () => {
  delete process.env.ALERTS_ALLOW_PRIVATE_URLS;
  const d = await db();
  for (const t of ["alert_rule", "alert_event", "outbox", "ledger_balance", "ledger_usage_tag"] as const) await d.deleteFrom(t).execute();
});

const post = (body: unknown) => callRoute(createRule, "/api/alerts/rules", { method: "POST", body });
const budget = { name: "Support budget", kind: "budget", params: { amount: "500.00", forecast: true }, channels: [{ type: "email", to: ["finance@example.com"] }] };

describe("alert routes", () => {
  it("POST answers 201 with the rule; GET lists it with its state beside the built-in rule", async () => {
    const created = await post(budget);
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ name: "Support budget", kind: "budget", params: { amount: "500.00", forecast: true }, renotify_hours: 24, state: "ok", last_evaluated_at: null, last_delivery: null });
    session.user = users.finance;
    const list = await callRoute(listRules, "/api/alerts/rules");
    expect(list.status).toBe(200);
    expect(list.json.data.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([[BUILTIN_STALE_ID, "ok"], [created.json.data.id, "ok"]]);
  });

  it("a webhook channel's whsec_ secret is answered once, at creation, and kept when the URL is unchanged", async () => {
    process.env.ALERTS_ALLOW_PRIVATE_URLS = "1";
    const created = await post({ ...budget, channels: [{ type: "webhook", url: `http://127.0.0.1:${HOOK_PORT}/a` }] });
    expect(created.status).toBe(201);
    expect(created.json.data.channels[0]).toMatchObject({ type: "webhook", format: "standard", secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{20,}$/) });
    const list = await callRoute(listRules, "/api/alerts/rules");
    expect(JSON.stringify(list.json)).not.toContain("whsec_");
    const renamed = await callRoute(patchRule, `/api/alerts/rules/${created.json.data.id}`, { method: "PATCH", body: { name: "B", channels: created.json.data.channels.map(({ secret: _, ...c }: { secret: string }) => c) }, params: { id: created.json.data.id } });
    expect(renamed.status).toBe(200);
    expect(JSON.stringify(renamed.json)).not.toContain("whsec_");
    const stored = await (await db()).selectFrom("alert_rule").select("channels").where("id", "=", created.json.data.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.channels)[0].secret).toBe(created.json.data.channels[0].secret);
  });

  it.each([
    ["a negative amount", { ...budget, params: { amount: "-5.00" } }, "/params/amount"],
    ["0 days", { ...budget, kind: "runway_below", params: { days: 0 } }, "/params/days"],
    ["an unknown kind", { ...budget, kind: "weather" }, "/kind"],
    ["an unknown tag", { ...budget, params: { amount: "5.00", tag: "no-such-tag" } }, "/params/tag"],
    ["a non-http URL", { ...budget, channels: [{ type: "webhook", url: "ftp://example.com/x" }] }, "/channels/0/url"],
    ["a URL on a private address", { ...budget, channels: [{ type: "webhook", url: "http://10.0.0.8/hook" }] }, "/channels/0/url"],
    ["a loopback URL", { ...budget, channels: [{ type: "webhook", url: "http://127.0.0.1:3181/hook" }] }, "/channels/0/url"],
    ["a bad email", { ...budget, channels: [{ type: "email", to: ["nope"] }] }, "/channels/0/to/0"],
    ["no channels", { ...budget, channels: [] }, "/channels"],
    ["an anomaly factor of 1", { ...budget, kind: "anomaly", params: { factor: 1, min_amount: "1.00" } }, "/params/factor"],
  ])("refuses %s with 422 naming the field, storing nothing", async (_, body, pointer) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { source: { pointer: string } }) => e.source.pointer)).toContain(pointer);
    expect(res.json.errors[0].detail).toMatch(/\S/);
    expect(await (await db()).selectFrom("alert_rule").select("id").where("builtin", "=", 0).execute()).toEqual([]);
  });

  it("a private URL is accepted with ALERTS_ALLOW_PRIVATE_URLS=1; a tag the ledger has seen is accepted", async () => {
    process.env.ALERTS_ALLOW_PRIVATE_URLS = "1";
    expect((await post({ ...budget, channels: [{ type: "webhook", url: "http://10.0.0.8/hook" }] })).status).toBe(201);
    await (await db()).insertInto("ledger_usage_tag").values({ day: "2026-11-01", record_type: "messaging", tag: "support", currency: "USD", count: 1, cost: "1" }).execute();
    expect((await post({ ...budget, params: { amount: "5.00", tag: "support" } })).status).toBe(201);
  });

  it("PATCH mutes a rule (state muted) and validates params against the rule's kind; DELETE removes it; the built-in rule stays", async () => {
    const { id } = (await post(budget)).json.data;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const muted = await callRoute(patchRule, `/api/alerts/rules/${id}`, { method: "PATCH", body: { muted_until: until }, params: { id } });
    expect(muted.json.data).toMatchObject({ state: "muted", muted_until: until });
    const bad = await callRoute(patchRule, `/api/alerts/rules/${id}`, { method: "PATCH", body: { params: { amount: "-1" } }, params: { id } });
    expect([bad.status, bad.json.errors[0].source.pointer]).toEqual([422, "/params/amount"]);
    expect((await callRoute(deleteRule, `/api/alerts/rules/${id}`, { method: "DELETE", params: { id } })).status).toBe(204);
    expect((await callRoute(patchRule, `/api/alerts/rules/${id}`, { method: "PATCH", body: {}, params: { id } })).status).toBe(404);
    const builtin = await callRoute(deleteRule, `/api/alerts/rules/${BUILTIN_STALE_ID}`, { method: "DELETE", params: { id: BUILTIN_STALE_ID } });
    expect(builtin.status).toBe(409);
  });

  it("POST …/test sends to each channel now and answers how it went; the rule shows it as its last delivery", async () => {
    process.env.ALERTS_ALLOW_PRIVATE_URLS = "1";
    const { id } = (await post({ ...budget, channels: [{ type: "webhook", url: `http://127.0.0.1:${HOOK_PORT}/t` }, { type: "email", to: ["a@example.com"] }] })).json.data;
    hits = 0;
    const res = await callRoute(testRule, `/api/alerts/rules/${id}/test`, { method: "POST", params: { id } });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual(
      expect.arrayContaining([
        { channel: `webhook http://127.0.0.1:${HOOK_PORT}/t`, status: "sent", attempts: 1, last_error: null },
        { channel: "email a@example.com", status: "pending", attempts: 1, last_error: "Email is not configured: set SMTP_URL on the dashboard's server." },
      ]),
    );
    expect(hits).toBe(1);
    const rule = (await callRoute(listRules, "/api/alerts/rules")).json.data.find((r: { id: string }) => r.id === id);
    // The failing channel shows on the rule, not the one that worked.
    expect(rule.last_delivery).toMatchObject({ channel: "email a@example.com", status: "pending", last_error: expect.stringContaining("SMTP_URL") });
  });

  it("POST /api/alerts/evaluate answers fired and resolved rule ids; GET /api/alerts/events lists the event with its deliveries", async () => {
    const { id } = (await post({ name: "Low", kind: "balance_below", params: { amount: "50.00" }, channels: [{ type: "log" }] })).json.data;
    await (await db()).insertInto("ledger_balance").values({ at: Date.now(), balance: "3.00", available_credit: "3.00", pending: "0", credit_limit: "0", currency: "USD" }).execute();
    const res = await callRoute(evaluate, "/api/alerts/evaluate", { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ fired: [id], resolved: [] });
    const again = await callRoute(evaluate, "/api/alerts/evaluate", { method: "POST" });
    expect(again.json.data).toEqual({ fired: [], resolved: [] });
    const events = await callRoute(listEvents, "/api/alerts/events");
    expect(events.json.data).toEqual([
      expect.objectContaining({ rule_id: id, type: "fired", figures: expect.objectContaining({ available_credit: "3.00" }), deliveries: [expect.objectContaining({ channel: "log" })] }),
    ]);
    expect(Object.keys(events.json.data[0].deliveries[0]).sort()).toEqual(["attempts", "channel", "last_error", "status"]);
    const bad = await callRoute(listEvents, "/api/alerts/events?limit=0");
    expect(bad.status).toBe(422);
  });
});
