// The official telnyx SDK against the simulator: every one of the 12 operations, auto-pagination to
// the end of every list, and the SDK's error classes, over HTTP and over the in-process fetch.
import Telnyx, { APIUserAbortError, AuthenticationError, BadRequestError, NotFoundError, RateLimitError, UnprocessableEntityError } from "telnyx";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMBEDDED_SIM_BASE_URL } from "./index";
import { startSimServer, type SimServer } from "./server";
import { TEST_NOW, testSim } from "./test-helpers";

let srv: SimServer;
let client: Telnyx;

beforeAll(async () => {
  srv = await startSimServer({ port: 0, now: () => TEST_NOW });
  client = new Telnyx({ apiKey: "KEY_sdk_test", baseURL: srv.baseURL, maxRetries: 0 });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  await fetch(`${srv.url}/__sim/reset`, { method: "POST" });
});

/** total_results of a first page (the SDK's Meta type only declares page_number and total_pages). */
function totalOf(page: { meta: object }): number {
  return (page.meta as { total_results: number }).total_results;
}

/** Iterates a list to its end, failing instead of looping for ever. */
async function drain<T>(iterable: AsyncIterable<T>, limit: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length > limit) throw new Error(`more than ${limit} items: pagination does not end`);
  }
  return out;
}

async function requestCount(): Promise<number> {
  return ((await (await fetch(`${srv.url}/__sim/requests`)).json()) as { data: unknown[] }).data.length;
}

describe("telnyx SDK over HTTP", () => {
  it("balance.retrieve", async () => {
    const r = await client.balance.retrieve();
    expect(r.data?.record_type).toBe("balance");
    expect(r.data?.balance).toMatch(/^-?\d+\.\d{2}$/);
  });

  it("auditEvents.list auto-paginates to the end", async () => {
    const first = await client.auditEvents.list({ "page[size]": 100 });
    const total = totalOf(first);
    const all = await drain(client.auditEvents.list({ "page[size]": 100, sort: "asc" }), total);
    expect(all).toHaveLength(total);
    expect(new Set(all.map((e) => e.id)).size).toBe(total);
    const filtered = await drain(client.auditEvents.list({ filter: { created_after: "2025-06-01T00:00:00Z" }, "page[size]": 10 }), total);
    expect(filtered.every((e) => e.created_at! > "2025-06-01")).toBe(true);
  });

  it("chargesSummary.retrieve and chargesBreakdown.retrieve", async () => {
    const s = await client.chargesSummary.retrieve({ start_date: "2025-05-01", end_date: "2025-06-01" });
    expect(s.data.total.grand_total).toMatch(/^-?\d+\.\d{2}$/);
    expect(s.data.summary.lines.length).toBeGreaterThan(0);
    const b = await client.chargesBreakdown.retrieve({ start_date: "2025-05-01" });
    expect(b.data.end_date).toBe("2025-06-01");
    expect(b.data.results.length).toBeGreaterThan(0);
  });

  it("detailRecords.list auto-paginates to the end (page size 50)", async () => {
    const query = { filter: { record_type: "messaging" as const, date_range: "last_month" as const }, "page[size]": 50, sort: ["-created_at"] };
    const first = await client.detailRecords.list(query);
    const total = totalOf(first);
    expect(total).toBeGreaterThan(50);
    const all = await drain(client.detailRecords.list(query), total);
    expect(all).toHaveLength(total);
    expect(all.every((r) => r.record_type === "message_detail_record")).toBe(true);
    const verify = await drain(client.detailRecords.list({ filter: { record_type: "verify" }, "page[size]": 50 }), 10_000);
    expect(verify.length).toBeGreaterThan(0);
  });

  it("invoices.list and invoices.retrieve (with a download link)", async () => {
    const all = await drain(client.invoices.list({ "page[size]": 5, sort: "period_start" }), 24);
    expect(all).toHaveLength(24);
    const one = await client.invoices.retrieve(all[23]!.invoice_id!, { action: "link" });
    expect(one.data?.download_url?.startsWith(srv.url)).toBe(true);
  });

  it("payment.autoRechargePrefs.list and update", async () => {
    const before = await client.payment.autoRechargePrefs.list();
    expect(before.data?.record_type).toBe("auto_recharge_pref");
    const after = await client.payment.autoRechargePrefs.update({ threshold_amount: "60.00", enabled: true }, { maxRetries: 0 });
    expect(after.data?.threshold_amount).toBe("60.00");
    expect((await client.payment.autoRechargePrefs.list()).data?.threshold_amount).toBe("60.00");
  });

  it("userTags.list", async () => {
    const r = await client.userTags.list({ filter: { starts_with: "s" } });
    expect(r.data?.number_tags?.every((t) => t.toLowerCase().startsWith("s"))).toBe(true);
  });

  it("webhookDeliveries.list auto-paginates to the end and retrieve finds each", async () => {
    const first = await client.webhookDeliveries.list({ filter: { status: { eq: "failed" } }, "page[size]": 25 });
    const total = totalOf(first);
    const all = await drain(client.webhookDeliveries.list({ filter: { status: { eq: "failed" } }, "page[size]": 25 }), total);
    expect(all).toHaveLength(total);
    expect(all.every((d) => d.status === "failed")).toBe(true);
    const one = await client.webhookDeliveries.retrieve(all[0]!.id!);
    expect(one.data?.id).toBe(all[0]!.id);
  });

  it("the stored payment POST, through the generic post and through the SDK's own method", async () => {
    const before = (await client.balance.retrieve()).data!.balance!;
    const r = (await client.post("/payment/stored_payment_transactions", { body: { amount: "12.00" }, maxRetries: 0 })) as { data: { amount_cents: number } };
    expect(r.data.amount_cents).toBe(1200);
    const r2 = await client.payment.createStoredPaymentTransaction({ amount: "0.50" }, { maxRetries: 0 }); // posts to /v2/v2/...
    expect(r2.data?.amount_cents).toBe(50);
    const after = (await client.balance.retrieve()).data!.balance!;
    expect(Math.round(Number(after) * 100) - Math.round(Number(before) * 100)).toBe(1250);
  });
});

describe("telnyx SDK error classes", () => {
  it("AuthenticationError without an Authorization header", async () => {
    const strip: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete("authorization");
      return fetch(input, { ...init, headers });
    };
    const anon = new Telnyx({ apiKey: "unused", baseURL: srv.baseURL, maxRetries: 0, fetch: strip });
    const err = await anon.balance.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).status).toBe(401);
  });

  it("NotFoundError, BadRequestError, UnprocessableEntityError", async () => {
    await expect(client.invoices.retrieve("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.webhookDeliveries.retrieve("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.detailRecords.list({ filter: {} as { record_type: "messaging" } })).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.chargesSummary.retrieve({ start_date: "2025-05-01", end_date: "2025-07-01" })).rejects.toBeInstanceOf(BadRequestError);
    const err = await client.post("/payment/stored_payment_transactions", { body: { amount: "12" }, maxRetries: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect((err as UnprocessableEntityError).error).toMatchObject({ errors: [{ code: "10027" }] });
    await expect(client.invoices.list({ "page[size]": 251 })).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it("RateLimitError once the SDK's retries are exhausted", async () => {
    await fetch(`${srv.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ path: "/balance", status: 429, retryAfter: 0, times: 1000 }) });
    await fetch(`${srv.url}/__sim/requests`, { method: "DELETE" });
    const retrying = new Telnyx({ apiKey: "KEY_sdk_test", baseURL: srv.baseURL, maxRetries: 1 });
    const err = await retrying.balance.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(await requestCount()).toBe(2);
  });
});

describe("telnyx SDK in process (sim.fetch)", () => {
  it("calls every operation without a network", async () => {
    const sim = testSim();
    const c = new Telnyx({ apiKey: "KEY_inproc", baseURL: EMBEDDED_SIM_BASE_URL, fetch: sim.fetch, maxRetries: 0 });
    expect((await c.balance.retrieve()).data?.currency).toBe("USD");
    expect((await drain(c.invoices.list({ "page[size]": 250 }), 24)).length).toBe(24);
    const inv = (await c.invoices.list()).data[0]!;
    const link = (await c.invoices.retrieve(inv.invoice_id!, { action: "link" })).data!.download_url!;
    expect(link.startsWith("http://telnyx-sim.internal/files/invoices/")).toBe(true);
    const pdf = await sim.fetch(link);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await c.auditEvents.list()).data.length).toBe(20);
    expect((await c.chargesSummary.retrieve({ start_date: "2025-05-01", end_date: "2025-06-01" })).data.currency).toBe("USD");
    expect((await c.chargesBreakdown.retrieve({ start_date: "2025-05-01" })).data.results.length).toBeGreaterThan(0);
    expect((await c.detailRecords.list({ filter: { record_type: "amd" } })).data.length).toBe(20);
    expect((await c.payment.autoRechargePrefs.list()).data?.id).toBeTruthy();
    expect((await c.payment.autoRechargePrefs.update({ enabled: false })).data?.enabled).toBe(false);
    expect((await c.userTags.list()).data?.number_tags).toBeDefined();
    const d = (await c.webhookDeliveries.list()).data[0]!;
    expect((await c.webhookDeliveries.retrieve(d.id!)).data?.id).toBe(d.id);
    const tx = (await c.post("/payment/stored_payment_transactions", { body: { amount: "5.00" }, maxRetries: 0 })) as { data: { amount_cents: number } };
    expect(tx.data.amount_cents).toBe(500);
    await expect(c.invoices.retrieve("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("honours the SDK's abort signal", async () => {
    const sim = testSim();
    const c = new Telnyx({ apiKey: "KEY_inproc", baseURL: EMBEDDED_SIM_BASE_URL, fetch: sim.fetch, maxRetries: 0 });
    const ctl = new AbortController();
    ctl.abort();
    await expect(c.balance.retrieve({ signal: ctl.signal })).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
