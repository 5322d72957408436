import { describe, expect, it, vi } from "vitest";
import { GET as auditEvents } from "@/app/api/audit-events/route";
import { GET as getAutoRecharge, PATCH as patchAutoRecharge } from "@/app/api/auto-recharge/route";
import { GET as balance } from "@/app/api/balance/route";
import { GET as chargesMonthly } from "@/app/api/charges/monthly/route";
import { GET as invoiceSearch } from "@/app/api/invoices/search/route";
import { POST as invoiceZip } from "@/app/api/invoices/zip/route";
import { GET as webhookHealth } from "@/app/api/webhook-deliveries/health/route";
import { GET as chargesBreakdown } from "@/app/api/charges/breakdown/route";
import { GET as chargesBreakdownRows } from "@/app/api/charges/breakdown/rows/route";
import { GET as chargesSummary } from "@/app/api/charges/summary/route";
import { GET as detailRecords } from "@/app/api/detail-records/route";
import { GET as invoice } from "@/app/api/invoices/[id]/route";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as invoices } from "@/app/api/invoices/route";
import { GET as userTags } from "@/app/api/user-tags/route";
import { GET as webhookDelivery } from "@/app/api/webhook-deliveries/[id]/route";
import { GET as webhookDeliveries } from "@/app/api/webhook-deliveries/route";
import { COMPRESS_MIN_BYTES } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { unpackRows } from "@/lib/charges/breakdown-packed";
import { Big } from "@/lib/money";
import { useTempDatabase } from "@/lib/db/testing";
import { UPSTREAM_TIMEOUTS } from "@/lib/telnyx/run";
import { callRoute, session, TEST_API_KEY, useSimUpstream, users } from "./testing/sim-harness";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("./testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

useTempDatabase(); // the invoice route archives PDFs in the ledger
const { sim } = useSimUpstream();
const UNKNOWN_ID = "5b3c1d1e-8f0a-4c55-9d53-3f4b2a1c0e99";

function lastMonthRange() {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return `start_date=${start.toISOString().slice(0, 10)}&end_date=${end.toISOString().slice(0, 10)}`;
}

describe("every operation through the dashboard's API", () => {
  it("balance", async () => {
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ currency: expect.stringMatching(/^[A-Z]{3}$/), balance: expect.stringMatching(/^-?\d+\.\d+$/) });
    // A small answer is not worth gzip: "no-transform" makes Next's compression leave it alone.
    expect(res.text.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(res.headers.get("cache-control")).toBe("private, no-store, no-transform");
  });

  it("charges summary and breakdown for last month", async () => {
    const summary = await callRoute(chargesSummary, `/api/charges/summary?${lastMonthRange()}`);
    expect(summary.status).toBe(200);
    expect(summary.json.data.summary.lines.length).toBeGreaterThan(0);
    const breakdown = await callRoute(chargesBreakdown, `/api/charges/breakdown?${lastMonthRange()}`);
    expect(breakdown.status).toBe(200);
    expect(breakdown.json.data.results.length).toBeGreaterThan(0);
    // A large one still is.
    expect(breakdown.text.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    expect(breakdown.headers.get("cache-control")).toBe("private, no-store");
  });

  it("the breakdown's rows: the first screen and all rows, sorted on the server from one upstream read", async () => {
    const before = await sim.count("/charges_breakdown");
    const [first, all] = await Promise.all([
      callRoute(chargesBreakdownRows, `/api/charges/breakdown/rows?${lastMonthRange()}&sort=-cost&limit=5`),
      callRoute(chargesBreakdownRows, `/api/charges/breakdown/rows?${lastMonthRange()}&sort=tn`),
    ]);
    expect(await sim.count("/charges_breakdown")).toBe(before + 1);
    expect(first.status).toBe(200);
    // The rows come packed; unpacked they are the view's rows.
    const firstRows = unpackRows(first.json.data.rows);
    const allRows = unpackRows(all.json.data.rows);
    expect(firstRows).toHaveLength(5);
    expect(first.json.data).toMatchObject({ sort: "-cost", q: "", numbers: allRows.length, matched: allRows.length, total: all.json.data.total });
    const costs = firstRows.map((r) => r.cost);
    for (let i = 1; i < costs.length; i++) expect(new Big(costs[i - 1]!).gte(costs[i]!)).toBe(true);
    expect(allRows.map((r) => r.tn)).toEqual(allRows.map((r) => r.tn).sort());
    const bad = await callRoute(chargesBreakdownRows, `/api/charges/breakdown/rows?${lastMonthRange()}&sort=price&limit=0`);
    expect(bad.status).toBe(422);
  });

  it("invoices: a page, one invoice, and its PDF with a fresh link", async () => {
    const list = await callRoute(invoices, "/api/invoices?page=1&size=5");
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(5);
    expect(list.json.meta).toMatchObject({ page_number: 1, page_size: 5 });
    const first = list.json.data[0];
    expect(first.period_start >= list.json.data[4].period_start).toBe(true); // newest first by default
    const one = await callRoute(invoice, `/api/invoices/${first.invoice_id}`, { params: { id: first.invoice_id } });
    expect(one.json.data.invoice_id).toBe(first.invoice_id);

    const before = await sim.count(`/invoices/${first.invoice_id}`);
    const pdf = await callRoute(invoicePdf, `/api/invoices/${first.invoice_id}/pdf`, { params: { id: first.invoice_id } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="telnyx-invoice-${first.period_start.slice(0, 7)}.pdf"`);
    expect(pdf.text.startsWith("%PDF")).toBe(true);
    expect(await sim.count(`/invoices/${first.invoice_id}`)).toBe(before + 1); // a fresh link: links are never cached
    // The file was archived on the way (the ledger): the next download needs no link from Telnyx.
    await vi.waitFor(async () =>
      expect(await (await db()).selectFrom("ledger_invoice_pdf").select("invoice_id").where("invoice_id", "=", first.invoice_id).executeTakeFirst()).toBeDefined(),
    );
    const again = await callRoute(invoicePdf, `/api/invoices/${first.invoice_id}/pdf`, { params: { id: first.invoice_id } });
    expect([again.status, again.text.startsWith("%PDF")]).toEqual([200, true]);
    expect(again.headers.get("x-content-sha256")).toMatch(/^[0-9a-f]{64}$/);
    expect(await sim.count(`/invoices/${first.invoice_id}`)).toBe(before + 1);
  });

  it("audit events, webhook deliveries (list and one), detail records, user tags, auto-recharge", async () => {
    const audit = await callRoute(auditEvents, "/api/audit-events?size=3&sort=asc");
    expect([audit.status, audit.json.data.length]).toEqual([200, 3]);
    const hooks = await callRoute(webhookDeliveries, "/api/webhook-deliveries?status=failed&size=2");
    expect(hooks.status).toBe(200);
    expect(hooks.json.data.every((d: { status: string }) => d.status === "failed")).toBe(true);
    const id = hooks.json.data[0].id;
    const hook = await callRoute(webhookDelivery, `/api/webhook-deliveries/${id}`, { params: { id } });
    expect(hook.json.data.id).toBe(id);
    const records = await callRoute(detailRecords, "/api/detail-records?record_type=messaging&date_range=last_30_days&size=50");
    expect(records.status).toBe(200);
    expect(records.json.meta.page_size).toBe(50);
    const tags = await callRoute(userTags, "/api/user-tags");
    expect(tags.status).toBe(200);
    const prefs = await callRoute(getAutoRecharge, "/api/auto-recharge");
    expect(prefs.json.data).toHaveProperty("threshold_amount");
  });

  it("PATCH auto-recharge persists and later reads see it (the cached read is invalidated)", async () => {
    await callRoute(getAutoRecharge, "/api/auto-recharge"); // cache it
    const saved = await callRoute(patchAutoRecharge, "/api/auto-recharge", {
      method: "PATCH",
      body: { threshold_amount: "104.00", recharge_amount: "208.00", enabled: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.data).toMatchObject({ threshold_amount: "104.00", recharge_amount: "208.00", enabled: true });
    const after = await callRoute(getAutoRecharge, "/api/auto-recharge");
    expect(after.json.data.threshold_amount).toBe("104.00");
  });
});

describe("bad input is a 422 with a field message and never goes upstream", () => {
  const cases: [string, Parameters<typeof callRoute>[0], string, string, Record<string, string>?][] = [
    ["range over 31 days", chargesSummary, "/api/charges/summary?start_date=2025-01-01&end_date=2025-02-02", "end_date"],
    ["end before start", chargesSummary, "/api/charges/summary?start_date=2025-05-10&end_date=2025-05-01", "end_date"],
    ["a date that does not exist", chargesBreakdown, "/api/charges/breakdown?start_date=2025-02-30&end_date=2025-03-01", "start_date"],
    ["missing end date", chargesSummary, "/api/charges/summary?start_date=2025-05-01", "end_date"],
    ["page size over the cap", invoices, "/api/invoices?size=251", "size"],
    ["page 0", invoices, "/api/invoices?page=0", "page"],
    ["unknown sort", invoices, "/api/invoices?sort=amount", "sort"],
    ["detail records without a record type", detailRecords, "/api/detail-records", "record_type"],
    ["detail records page size over 50", detailRecords, "/api/detail-records?record_type=messaging&size=51", "size"],
    ["bad date range", detailRecords, "/api/detail-records?record_type=messaging&date_range=forever", "date_range"],
    ["bad webhook status", webhookDeliveries, "/api/webhook-deliveries?status=pending", "status"],
    ["bad time filter", webhookDeliveries, "/api/webhook-deliveries?started_at_gte=yesterday", "started_at_gte"],
    ["bad audit window", auditEvents, "/api/audit-events?created_after=2025-05-02T00:00:00Z&created_before=2025-05-01T00:00:00Z", "created_before"],
    ["an id that is not a UUID", invoice, "/api/invoices/..%2Fbalance", "id", { id: "../balance" }],
    ["a webhook id that is not a UUID", webhookDelivery, "/api/webhook-deliveries/abc", "id", { id: "abc" }],
    // #10 item 11: each of these used to reach Telnyx first.
    ["an empty charges range (end is exclusive)", chargesSummary, "/api/charges/summary?start_date=2025-05-01&end_date=2025-05-01", "end_date"],
    ["year 0000", chargesBreakdown, "/api/charges/breakdown?start_date=0000-01-01&end_date=0000-01-15", "start_date"],
    ["detail records sorted by a field Telnyx doesn't know", detailRecords, "/api/detail-records?record_type=messaging&sort=-bogus_field", "sort"],
    ["an inverted webhook window", webhookDeliveries, "/api/webhook-deliveries?started_at_gte=2025-05-02T00:00:00Z&started_at_lte=2025-05-01T00:00:00Z", "started_at_lte"],
    ["an inverted finished window", webhookDeliveries, "/api/webhook-deliveries?finished_at_gte=2025-05-02T00:00:00Z&finished_at_lte=2025-05-01T00:00:00Z", "finished_at_lte"],
    // #10 item 12: an inverted window written in mixed offsets (02:00-05:00 is 07:00Z, after 03:00Z).
    ["an inverted audit window in mixed offsets", auditEvents, "/api/audit-events?created_after=2025-05-01T02:00:00-05:00&created_before=2025-05-01T03:00:00Z", "created_before"],
    // #10 item 13: integers are decimal digits; unknown parameters are named.
    ["a hexadecimal page size", invoices, "/api/invoices?size=0x10", "size"],
    ["an exponent page number", webhookDeliveries, "/api/webhook-deliveries?page=1e1", "page"],
    ["a signed page size", detailRecords, "/api/detail-records?record_type=messaging&size=+5", "size"],
    ["a hexadecimal year", invoiceSearch, "/api/invoices/search?year=0x7E9", "year"],
    ["hexadecimal months", chargesMonthly, "/api/charges/monthly?months=0xC", "months"],
    ["page[size] where the route takes size", invoices, "/api/invoices?page[size]=5", "page[size]"],
    ["a filter[...] the route doesn't take", webhookDeliveries, "/api/webhook-deliveries?filter[status][eq]=failed", "filter[status][eq]"],
    ["a parameter on a route that takes none", balance, "/api/balance?currency=EUR", "currency"],
    ["an unknown parameter on a composed route", invoiceSearch, "/api/invoices/search?sort=asc", "sort"],
    ["an unknown parameter on a windowed report", webhookHealth, "/api/webhook-deliveries/health?from=2025-05-01T00:00:00Z&to=2025-05-02T00:00:00Z&x=1", "x"],
    ["a parameter given twice", invoices, "/api/invoices?size=500&size=5", "size"],
  ];
  it.each(cases)("%s", async (_label, handler, path, field, params) => {
    const res = await callRoute(handler, path, { params });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].source.parameter).toBe(field);
    expect(res.json.errors[0].detail.startsWith(`${field}: `), res.json.errors[0].detail).toBe(true);
    expect(await sim.count()).toBe(0);
  });

  it.each([
    [{ threshold_amount: "12" }, "threshold_amount"],
    [{ recharge_amount: "1e3" }, "recharge_amount"],
    [{ threshold_amount: "-5.00" }, "threshold_amount"],
    [{ preference: "bitcoin" }, "preference"],
    [{ enabled: "yes" }, "enabled"],
    [{ bogus: true }, ""],
    [{}, ""],
  ])("PATCH auto-recharge %j", async (body, field) => {
    const res = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body });
    expect(res.status).toBe(422);
    if (field) expect(res.json.errors[0].source.pointer).toBe(`/${field}`);
    expect(await sim.count()).toBe(0);
  });

  it.each([[{ year: [2025] }], [{ year: "0x7E9" }], [{ year: 2025.5 }], [{ year: "2025 " }]])("zip body %j: integers are decimal digits only", async (body) => {
    const res = await callRoute(invoiceZip, "/api/invoices/zip", { method: "POST", body });
    expect(res.status).toBe(422);
    expect(await sim.count()).toBe(0);
  });

  it("a window is compared as instants: 02:00Z is before 01:00-05:00 (06:00Z), so it is valid", async () => {
    const res = await callRoute(auditEvents, "/api/audit-events?created_after=2025-05-01T02:00:00Z&created_before=2025-05-01T01:00:00-05:00");
    expect(res.status).toBe(200);
  });

  it("a body that is not JSON", async () => {
    const res = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: "{enabled:", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].detail).toMatch(/not valid JSON/);
    expect(await sim.count()).toBe(0);
  });
});

describe("upstream failures are mapped to clear statuses in the Telnyx error shape", () => {
  it("401 upstream: the dashboard's key was rejected (502), and the key appears nowhere", async () => {
    await sim.fault({ path: "/balance", status: 401 });
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(502);
    expect(res.json.errors[0].detail).toMatch(/API key was rejected/);
    expect(res.text).not.toContain(TEST_API_KEY);
  });

  it("403 upstream: the key lacks permission", async () => {
    await sim.fault({ path: "/balance", status: 403 });
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(403);
    expect(res.json.errors[0].detail).toMatch(/lacks permission/);
  });

  it("404 for an unknown invoice and an unknown delivery", async () => {
    expect((await callRoute(invoice, `/api/invoices/${UNKNOWN_ID}`, { params: { id: UNKNOWN_ID } })).status).toBe(404);
    expect((await callRoute(webhookDelivery, `/api/webhook-deliveries/${UNKNOWN_ID}`, { params: { id: UNKNOWN_ID } })).status).toBe(404);
  });

  it("422 upstream passes Telnyx's detail through", async () => {
    await sim.fault({ path: "/payment/auto_recharge_prefs", method: "PATCH", status: 422, body: { errors: [{ code: "10015", title: "Invalid", detail: "Threshold too low for this account" }] } });
    const res = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { enabled: true } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].detail).toBe("Threshold too low for this account");
  });

  it("429 with Retry-After: 1 twice is retried after the wait, then succeeds", async () => {
    await sim.fault({ path: "/balance", status: 429, retryAfter: 1, times: 2 });
    const started = Date.now();
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(await sim.count("/balance")).toBe(3);
  });

  it("429 with a Retry-After longer than the bound is answered at once with 429 and the wait", async () => {
    await sim.fault({ path: "/balance", status: 429, retryAfter: 30 });
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await sim.count("/balance")).toBe(1);
  });

  it("a 429 asking for an hour holds the operation 60 s at most, cached reads are still served, then one probe goes through", async () => {
    expect((await callRoute(invoices, "/api/invoices?page=1")).status).toBe(200);
    await sim.fault({ path: "/invoices", status: 429, retryAfter: 3600, times: 1 });
    const limited = await callRoute(invoices, "/api/invoices?page=2");
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "60"]);
    const held = await callRoute(invoices, "/api/invoices?page=3");
    expect([held.status, held.headers.get("retry-after")]).toEqual([429, "60"]);
    expect((await callRoute(invoices, "/api/invoices?page=1")).status).toBe(200); // from the cache
    expect(await sim.count("/invoices")).toBe(2);
    const realNow = Date.now();
    const clock = vi.spyOn(Date, "now").mockImplementation(() => realNow + 60_001);
    try {
      expect((await callRoute(invoices, "/api/invoices?page=3")).status).toBe(200); // the probe
      expect((await callRoute(invoices, "/api/invoices?page=4")).status).toBe(200); // and the hold is lifted
      expect(await sim.count("/invoices")).toBe(4);
    } finally {
      clock.mockRestore();
    }
  });

  it("5xx is retried a bounded number of times, then 503", async () => {
    await sim.fault({ path: "/balance", status: 500 });
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(503);
    expect(await sim.count("/balance")).toBe(3);
  });

  it("a dropped connection is 503; a hung read times out as 504", async () => {
    await sim.fault({ path: "/user_tags", drop: true });
    expect((await callRoute(userTags, "/api/user-tags")).status).toBe(503);
    const saved = UPSTREAM_TIMEOUTS.readMs;
    UPSTREAM_TIMEOUTS.readMs = 200;
    try {
      await sim.fault({ path: "/balance", hang: true });
      const res = await callRoute(balance, "/api/balance");
      expect(res.status).toBe(504);
    } finally {
      UPSTREAM_TIMEOUTS.readMs = saved;
    }
  });

  it("a response that breaks the contract is a 502 naming the problem", async () => {
    await sim.fault({ path: "/balance", status: 200, body: { data: { balance: 12.5, currency: "USD" } } });
    const res = await callRoute(balance, "/api/balance");
    expect(res.status).toBe(502);
    expect(res.json.errors[0].detail).toMatch(/did not match its published contract/);
    expect(res.json.errors[0].detail).toContain("data.balance");
  });

  it("writes are never retried; a hung write is an unknown outcome", async () => {
    await sim.fault({ path: "/payment/auto_recharge_prefs", method: "PATCH", status: 500 });
    const failed = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { enabled: false } });
    expect([failed.status, failed.json.errors[0].code]).toEqual([504, "outcome_unknown"]); // a 5xx may have been applied
    expect(await sim.count("/payment/auto_recharge_prefs")).toBe(1);

    const saved = UPSTREAM_TIMEOUTS.writeMs;
    UPSTREAM_TIMEOUTS.writeMs = 200;
    try {
      await sim.clearFaults();
      await sim.fault({ path: "/payment/auto_recharge_prefs", method: "PATCH", hang: true });
      const unknown = await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { enabled: false } });
      expect(unknown.status).toBe(504);
      expect(unknown.json.errors[0].code).toBe("outcome_unknown");
      expect(await sim.count("/payment/auto_recharge_prefs")).toBe(2);
    } finally {
      UPSTREAM_TIMEOUTS.writeMs = saved;
    }
  });
});

describe("coalescing and caching", () => {
  it("100 simultaneous balance requests cause one upstream call", async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => callRoute(balance, "/api/balance")));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(await sim.count("/balance")).toBe(1);
  });

  it("different parameters are different cache entries; the same ones are served from cache", async () => {
    await callRoute(invoices, "/api/invoices?page=1");
    await callRoute(invoices, "/api/invoices?page=1");
    await callRoute(invoices, "/api/invoices?page=2");
    expect(await sim.count("/invoices")).toBe(2);
  });

  it("a failed read is not cached", async () => {
    await sim.fault({ path: "/balance", status: 403, times: 1 });
    expect((await callRoute(balance, "/api/balance")).status).toBe(403);
    expect((await callRoute(balance, "/api/balance")).status).toBe(200);
  });
});

describe("sessions and roles", () => {
  it("no session is 401; finance may read billing data but not the audit log or webhooks, nor write", async () => {
    session.user = null;
    expect((await callRoute(balance, "/api/balance")).status).toBe(401);
    session.user = users.finance;
    expect((await callRoute(balance, "/api/balance")).status).toBe(200);
    expect((await callRoute(auditEvents, "/api/audit-events")).status).toBe(403);
    expect((await callRoute(webhookDeliveries, "/api/webhook-deliveries")).status).toBe(403);
    expect((await callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { enabled: false } })).status).toBe(403);
    expect(await sim.count("/audit_events")).toBe(0);
    expect(await sim.count("/payment/auto_recharge_prefs")).toBe(0);
  });

  it("a cross-site write is refused before anything else happens", async () => {
    const res = await callRoute(patchAutoRecharge, "/api/auto-recharge", {
      method: "PATCH",
      body: { enabled: false },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(403);
    expect(await sim.count()).toBe(0);
  });
});
