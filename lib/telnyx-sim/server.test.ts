import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimServer, type SimServer } from "./server";

let srv: SimServer;
const auth = { authorization: "Bearer test-key" };

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${srv.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}

beforeAll(async () => {
  srv = await startSimServer({ port: 0, now: () => new Date("2025-06-15T12:00:00Z") });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  expect((await control("POST", "/__sim/reset")).status).toBe(204);
});

describe("startSimServer", () => {
  it("binds 127.0.0.1 and serves /v2", async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(srv.baseURL).toBe(`${srv.url}/v2`);
    const r = await fetch(`${srv.baseURL}/balance`, { headers: auth });
    expect(r.status).toBe(200);
    expect((await r.json()).data.record_type).toBe("balance");
  });

  it("invoice links point at the server's own origin and download", async () => {
    const list = await (await fetch(`${srv.baseURL}/invoices?page[size]=1`, { headers: auth })).json();
    const id = list.data[0].invoice_id;
    const link = await (await fetch(`${srv.baseURL}/invoices/${id}?action=link`, { headers: auth })).json();
    expect(link.data.download_url.startsWith(`${srv.url}/files/invoices/${id}.pdf?`)).toBe(true);
    const pdf = await fetch(link.data.download_url);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("faults", () => {
  it("answers a status with Retry-After and a Telnyx-shaped error body, `times` times", async () => {
    const created = await control("POST", "/__sim/faults", { path: "/balance", status: 429, retryAfter: 1, times: 2 });
    expect(created.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${srv.baseURL}/balance`, { headers: auth });
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("1");
      const body = await r.json();
      expect(body.errors[0]).toMatchObject({ code: "10011", title: "Too many requests" });
    }
    expect((await fetch(`${srv.baseURL}/balance`, { headers: auth })).status).toBe(200);
    expect((await (await control("GET", "/__sim/faults")).json()).data).toEqual([]);
  });

  it("matches paths with or without /v2, prefixes, and methods", async () => {
    await control("POST", "/__sim/faults", [
      { path: "/v2/invoices/*", status: 503 },
      { path: "/payment/auto_recharge_prefs", method: "PATCH", status: 500 },
    ]);
    expect((await fetch(`${srv.baseURL}/invoices/00000000-0000-4000-8000-000000000000`, { headers: auth })).status).toBe(503);
    expect((await fetch(`${srv.baseURL}/invoices`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${srv.baseURL}/payment/auto_recharge_prefs`, { headers: auth })).status).toBe(200);
    const patch = await fetch(`${srv.baseURL}/payment/auto_recharge_prefs`, { method: "PATCH", headers: { ...auth, "content-type": "application/json" }, body: "{}" });
    expect(patch.status).toBe(500);
    expect((await patch.json()).errors[0].code).toBe("10007");
  });

  it("adds latency, alone or before another fault", async () => {
    await control("POST", "/__sim/faults", { path: "*", latencyMs: 300 });
    let t = performance.now();
    expect((await fetch(`${srv.baseURL}/balance`, { headers: auth })).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    await control("POST", "/__sim/faults", { path: "/user_tags", status: 502, times: 1 });
    t = performance.now();
    expect((await fetch(`${srv.baseURL}/user_tags`, { headers: auth })).status).toBe(502);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect((await control("DELETE", "/__sim/faults")).status).toBe(204);
    t = performance.now();
    await fetch(`${srv.baseURL}/balance`, { headers: auth });
    expect(performance.now() - t).toBeLessThan(250);
  });

  it("answers a given JSON body (to break the contract on purpose)", async () => {
    await control("POST", "/__sim/faults", { path: "/balance", body: { data: { balance: 12.5 } } });
    const r = await fetch(`${srv.baseURL}/balance`, { headers: auth });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { balance: 12.5 } });
  });

  it("hangs until the client gives up", async () => {
    await control("POST", "/__sim/faults", { path: "/balance", hang: true, times: 1 });
    const t = performance.now();
    await expect(fetch(`${srv.baseURL}/balance`, { headers: auth, signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect((await fetch(`${srv.baseURL}/balance`, { headers: auth })).status).toBe(200);
  });

  it("drops the connection", async () => {
    await control("POST", "/__sim/faults", { path: "/balance", drop: true, times: 1 });
    await expect(fetch(`${srv.baseURL}/balance`, { headers: auth })).rejects.toThrow();
    expect((await fetch(`${srv.baseURL}/balance`, { headers: auth })).status).toBe(200);
  });

  it("refuses malformed faults", async () => {
    expect((await control("POST", "/__sim/faults", { path: "/balance" })).status).toBe(400);
    expect((await control("POST", "/__sim/faults", { path: "/balance", status: 99 })).status).toBe(400);
    expect((await control("POST", "/__sim/faults", { path: "/balance", times: 0, status: 500 })).status).toBe(400);
  });
});

describe("request log and reset", () => {
  it("logs method, path, decoded query and time, faulted requests included", async () => {
    await control("POST", "/__sim/faults", { path: "/invoices", status: 500, times: 1 });
    await fetch(`${srv.baseURL}/invoices?page%5Bnumber%5D=2&page[size]=5`, { headers: auth });
    await fetch(`${srv.baseURL}/balance`, { headers: auth });
    const log = (await (await control("GET", "/__sim/requests")).json()).data;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: "GET", path: "/v2/invoices", query: { "page[number]": "2", "page[size]": "5" } });
    expect(Date.parse(log[0].time)).not.toBeNaN();
    expect(log[1]).toMatchObject({ method: "GET", path: "/v2/balance", query: {} });
    expect(JSON.stringify(log)).not.toContain("test-key");
    expect((await control("DELETE", "/__sim/requests")).status).toBe(204);
    expect((await (await control("GET", "/__sim/requests")).json()).data).toEqual([]);
  });

  it("POST /__sim/reset restores data, clears faults and the log", async () => {
    const before = await (await fetch(`${srv.baseURL}/balance`, { headers: auth })).json();
    await fetch(`${srv.baseURL}/v2/payment/stored_payment_transactions`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ amount: "10.00" }),
    });
    await control("POST", "/__sim/faults", { path: "/user_tags", status: 500 });
    expect((await fetch(`${srv.baseURL}/balance`, { headers: auth }).then((r) => r.json())).data.balance).not.toBe(before.data.balance);
    await control("POST", "/__sim/reset");
    expect(await (await fetch(`${srv.baseURL}/balance`, { headers: auth })).json()).toEqual(before);
    expect((await fetch(`${srv.baseURL}/user_tags`, { headers: auth })).status).toBe(200);
    expect((await (await control("GET", "/__sim/requests")).json()).data).toHaveLength(2);
  });

  it("test controls exist only on the standalone server, not in handle()/fetch()", async () => {
    for (const path of ["/__sim/faults", "/__sim/reset", "/__sim/requests", "/__sim/clock", "/__sim/state", "/v2/__sim/reset"]) {
      const r = await srv.sim.handle(new Request(`http://sim.test${path}`, { method: "POST", headers: auth, body: "{}" }));
      expect(r.status).toBe(404);
    }
  });
});

describe("clock and state controls", () => {
  const get = async (path: string) => (await fetch(`${srv.baseURL}${path}`, { headers: auth })).json();
  const cents = (s: string) => Math.round(Number(s) * 100);

  it("POST /__sim/clock: time passes, the ended day is rated and debited, new records appear; reset goes back", async () => {
    const before = (await get("/balance")).data.balance;
    const records = (await get("/detail_records?filter[record_type]=messaging")).meta.total_results;
    const r = await control("POST", "/__sim/clock", { advance_s: 86_400 });
    expect(r.status).toBe(200);
    expect((await r.json()).data.now).toBe("2025-06-16T12:00:00.000Z");
    const day = (await get("/charges_summary?start_date=2025-06-15&end_date=2025-06-16")).data.total;
    const debit = cents(day.grand_total) - cents(day.existing_mrc);
    const after = (await get("/balance")).data.balance;
    const payments = (await get("/audit_events?filter[created_after]=2025-06-16T00:00:00Z")).data.filter((e: any) => e.record_type === "payment");
    const topUp = payments.reduce((t: number, e: any) => t + cents(e.changes[0].to), 0);
    expect(cents(after)).toBe(cents(before) - debit + topUp);
    expect((await get("/detail_records?filter[record_type]=messaging")).meta.total_results).toBeGreaterThan(records);
    await control("POST", "/__sim/reset");
    expect((await get("/balance")).data.balance).toBe(before);
    for (const body of [{}, { advance_s: 0 }, { advance_s: -5 }, { advance_s: "60" }, { advance_s: 400 * 86_400 + 1 }])
      expect((await control("POST", "/__sim/clock", body)).status, JSON.stringify(body)).toBe(422);
  });

  it("POST /__sim/state sets the balance; a spike is a day of abnormal spend that the summary and the records agree on", async () => {
    let r = await control("POST", "/__sim/state", { balance: "-12.34" });
    expect(r.status).toBe(200);
    expect((await r.json()).data).toMatchObject({ balance: "-12.34" });
    expect((await get("/balance")).data.balance).toBe("-12.34");
    const MESSAGING = ["sms_outbound", "sms_inbound", "mms_outbound", "carrier_fees"];
    const messagingCents = (summary: any) => summary.summary.lines.filter((l: any) => MESSAGING.includes(l.alias)).reduce((t: number, l: any) => t + cents(l.amount), 0);
    // June 15, 2025 is a Sunday: compare with the Sunday before.
    const usual = messagingCents((await get("/charges_summary?start_date=2025-06-08&end_date=2025-06-09")).data);
    r = await control("POST", "/__sim/state", { spike: { record_type: "messaging", factor: 10 } });
    expect((await r.json()).data.spikes).toEqual([{ date: "2025-06-15", record_type: "messaging", factor: 10 }]);
    await control("POST", "/__sim/clock", { advance_s: 86_400 });
    const spiked = (await get("/charges_summary?start_date=2025-06-15&end_date=2025-06-16")).data;
    expect(messagingCents(spiked)).toBeGreaterThan(4 * usual);
    let micros = 0;
    for (let n = 1; ; n++) {
      const page = await get(`/detail_records?filter[record_type]=messaging&filter[created_at][gte]=2025-06-15&filter[created_at][lt]=2025-06-16&page[size]=50&page[number]=${n}`);
      for (const rec of page.data) micros += Math.round(Number(rec.cost) * 1_000_000);
      if (n >= page.meta.total_pages) break;
    }
    expect(micros).toBe(messagingCents(spiked) * 10_000);
  });

  it("POST /__sim/state webhook_failure_rate: deliveries from then on fail at that rate", async () => {
    const r = await control("POST", "/__sim/state", { webhook_failure_rate: 1 });
    expect((await r.json()).data.webhook_failure_rate).toBe(1);
    await control("POST", "/__sim/clock", { advance_s: 2 * 86_400 });
    const recent = await get("/webhook_deliveries?filter[started_at][gte]=2025-06-15T12:00:01Z&page[size]=250");
    expect(recent.data.length).toBeGreaterThan(0);
    expect(recent.data.every((d: any) => d.status === "failed")).toBe(true);
    const older = await get("/webhook_deliveries?filter[started_at][lte]=2025-06-15T11:00:00Z&page[size]=250");
    expect(older.data.some((d: any) => d.status === "delivered")).toBe(true);
  });

  it("refuses bad state changes with 422 and changes nothing", async () => {
    const before = await (await control("GET", "/__sim/state")).json();
    for (const body of [
      {},
      { balance: 12.34 },
      { balance: "12.345" },
      { spike: { date: "2025-06-14" } },
      { spike: { date: "2025-13-01" } },
      { spike: { record_type: "fax" } },
      { spike: { factor: 100 } },
      { webhook_failure_rate: 2 },
      { balance: "1.00", colour: "red" },
      { balance: "1.00", webhook_failure_rate: -1 },
    ]) {
      const r = await control("POST", "/__sim/state", body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect((await r.json()).errors[0].detail).toBeTruthy();
    }
    expect(await (await control("GET", "/__sim/state")).json()).toEqual(before);
  });
});

describe("close()", () => {
  it("stops even with a hanging request open", async () => {
    const other = await startSimServer({ port: 0 });
    await fetch(`${other.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ path: "*", hang: true }) });
    const pending = fetch(`${other.baseURL}/balance`, { headers: auth }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
