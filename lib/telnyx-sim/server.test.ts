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
    for (const path of ["/__sim/faults", "/__sim/reset", "/__sim/requests", "/v2/__sim/reset"]) {
      const r = await srv.sim.handle(new Request(`http://sim.test${path}`, { method: "POST", headers: auth, body: "{}" }));
      expect(r.status).toBe(404);
    }
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
