import Big from "big.js";
import { describe, expect, it } from "vitest";
import { EMBEDDED_SIM_BASE_URL, createSimulator } from "./index";
import { TEST_NOW, allPages, call, sumDecimals, testSim } from "./test-helpers";

const DECIMAL = /^-?\d+\.\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const ALL_OPERATIONS: Array<[string, string, unknown?]> = [
  ["GET", "/audit_events"],
  ["GET", "/balance"],
  ["GET", "/charges_breakdown?start_date=2025-05-01"],
  ["GET", "/charges_summary?start_date=2025-05-01&end_date=2025-06-01"],
  ["GET", "/detail_records?filter[record_type]=messaging"],
  ["GET", "/invoices"],
  ["GET", "/invoices/00000000-0000-4000-8000-000000000000"],
  ["GET", "/payment/auto_recharge_prefs"],
  ["PATCH", "/payment/auto_recharge_prefs", { enabled: true }],
  ["GET", "/user_tags"],
  ["POST", "/v2/payment/stored_payment_transactions", { amount: "10.00" }],
  ["POST", "/payment/stored_payment_transactions", { amount: "10.00" }],
  ["GET", "/webhook_deliveries"],
  ["GET", "/webhook_deliveries/00000000-0000-4000-8000-000000000000"],
];

describe("authentication", () => {
  it.each(ALL_OPERATIONS)("%s %s answers 401 without a bearer token", async (method, path, body) => {
    const sim = testSim();
    for (const auth of [null, "", "Bearer", "Bearer   ", "Basic abc", "Token abc"]) {
      const r = await call(sim, path, { method, auth, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(r.status, `${auth}`).toBe(401);
      expect(r.body.errors[0].code).toBe("10009");
      expect(r.body.errors[0].title).toBe("Authentication failed");
    }
  });

  it("accepts any non-empty key by default, only the configured key when one is set", async () => {
    expect((await call(testSim(), "/balance", { auth: "Bearer anything" })).status).toBe(200);
    const strict = testSim({ apiKey: "KEY_right" });
    expect((await call(strict, "/balance", { auth: "Bearer KEY_wrong" })).status).toBe(401);
    expect((await call(strict, "/balance", { auth: "Bearer KEY_righ" })).status).toBe(401);
    expect((await call(strict, "/balance", { auth: "bearer KEY_right" })).status).toBe(200);
  });

  it("never echoes the key", async () => {
    const r = await call(testSim({ apiKey: "KEY_secret123" }), "/balance", { auth: "Bearer KEY_other456" });
    expect(JSON.stringify(r.body)).not.toMatch(/KEY_/);
  });

  it("404s unknown paths and methods in Telnyx's error shape", async () => {
    const sim = testSim();
    for (const [method, path] of [["GET", "/nope"], ["DELETE", "/balance"], ["POST", "/invoices"]] as const) {
      const r = await call(sim, path, { method });
      expect(r.status).toBe(404);
      expect(r.body.errors[0]).toMatchObject({ code: "10005", title: "Resource not found" });
    }
  });
});

describe("GET /balance", () => {
  it("has decimal strings that add up: available_credit = balance + credit_limit", async () => {
    const r = await call(testSim(), "/balance");
    expect(r.status).toBe(200);
    const d = r.body.data;
    expect(d.record_type).toBe("balance");
    expect(d.currency).toBe("USD");
    for (const k of ["pending", "balance", "credit_limit", "available_credit"]) expect(d[k]).toMatch(DECIMAL);
    expect(d.available_credit).toBe(sumDecimals([d.balance, d.credit_limit]));
    expect(Number(d.balance)).toBeGreaterThan(0); // seed 42: a normal prepaid account
    expect(d.credit_limit).toBe("0.00");
  });

  it("seed 7 is an account on a credit line with a negative balance", async () => {
    const d = (await call(testSim({ seed: 7 }), "/balance")).body.data;
    expect(d.balance.startsWith("-")).toBe(true);
    expect(Number(d.credit_limit)).toBeGreaterThan(0);
    expect(d.available_credit).toBe(sumDecimals([d.balance, d.credit_limit]));
  });
});

describe("GET /invoices", () => {
  it("lists 24 monthly invoices, newest first, the most recent ones unpaid", async () => {
    const sim = testSim();
    const { items, total } = await allPages(sim, "/invoices", 10);
    expect(total).toBe(24);
    expect(items).toHaveLength(24);
    expect(items[0].period_start).toBe("2025-05-01");
    expect(items[0].period_end).toBe("2025-05-31");
    expect(items[23].period_start).toBe("2023-06-01");
    const unpaid = items.filter((i) => !i.paid).length;
    expect(unpaid).toBeGreaterThanOrEqual(1);
    expect(items.slice(0, unpaid).every((i) => !i.paid)).toBe(true);
    expect(items.slice(unpaid).every((i) => i.paid)).toBe(true);
    for (const i of items) {
      expect(i.invoice_id).toMatch(UUID);
      expect(i.file_id).toMatch(UUID);
      expect(i.url).toBe(`http://sim.test/v2/invoices/${i.invoice_id}`);
    }
  });

  it("sorts by period_start both ways and pages with meta", async () => {
    const sim = testSim();
    const asc = await call(sim, "/invoices?sort=period_start&page[size]=5&page[number]=2");
    expect(asc.body.meta).toEqual({ page_number: 2, page_size: 5, total_pages: 5, total_results: 24 });
    expect(asc.body.data[0].period_start).toBe("2023-11-01");
    const desc = await call(sim, "/invoices?sort=-period_start&page%5Bsize%5D=5&page%5Bnumber%5D=5");
    expect(desc.body.data).toHaveLength(4);
    expect(desc.body.data[3].period_start).toBe("2023-06-01");
    const beyond = await call(sim, "/invoices?page[number]=9");
    expect(beyond.status).toBe(200);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta).toMatchObject({ page_number: 9, total_pages: 2, total_results: 24 });
  });

  it.each([
    ["page[size]=251", "page[size]"],
    ["page[size]=0", "page[size]"],
    ["page[size]=abc", "page[size]"],
    ["page[number]=0", "page[number]"],
    ["page[number]=-1", "page[number]"],
    ["page[number]=1.5", "page[number]"],
    ["sort=amount", "sort"],
    ["page=3", "page"],
  ])("rejects %s with 422 naming the parameter", async (qs, parameter) => {
    const r = await call(testSim(), `/invoices?${qs}`);
    expect(r.status).toBe(422);
    expect(r.body.errors[0].source).toEqual({ parameter });
    expect(r.body.errors[0].code).toMatch(/^\d+$/);
  });

  it("accepts the largest page size", async () => {
    expect((await call(testSim(), "/invoices?page[size]=250")).body.data).toHaveLength(24);
  });
});

describe("GET /invoices/{id}", () => {
  it("returns one invoice; action=link adds a download_url on the simulator's origin serving a real PDF", async () => {
    const sim = testSim();
    const [first] = (await call(sim, "/invoices?page[size]=1")).body.data;
    const one = await call(sim, `/invoices/${first.invoice_id}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(first);
    expect(one.body.data.download_url).toBeUndefined();

    const link = await call(sim, `/invoices/${first.invoice_id}?action=link`);
    const url = new URL(link.body.data.download_url);
    expect(url.origin).toBe("http://sim.test");
    expect(url.pathname).toBe(`/files/invoices/${first.invoice_id}.pdf`);
    const pdf = await sim.handle(new Request(url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);

    // The link is signed: a changed token or another invoice's id is refused.
    const forged = new URL(url);
    forged.searchParams.set("token", "0".repeat(40));
    expect((await sim.handle(new Request(forged))).status).toBe(403);
    expect((await sim.handle(new Request(url.href.replace(first.invoice_id, "00000000-0000-4000-8000-000000000000")))).status).toBe(403);
  });

  it("PDF text carries the invoice number, period and total", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const sim = testSim();
    const [inv] = (await call(sim, "/invoices?page[size]=1")).body.data;
    const link = (await call(sim, `/invoices/${inv.invoice_id}?action=link`)).body.data.download_url;
    const bytes = new Uint8Array(await (await sim.handle(new Request(link))).arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toMatch(/^Invoice INV-202505-\d{6}$/);
    // Inflate the page content streams and look for the text (pdf-lib writes it as hex strings).
    const { inflateSync } = await import("node:zlib");
    const latin = Buffer.from(bytes).toString("latin1");
    let raw = latin;
    for (const m of latin.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
      try {
        raw += inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
      } catch {
        // not a deflated stream
      }
    }
    const summary = (await call(sim, `/charges_summary?start_date=2025-05-01&end_date=2025-06-01`)).body.data;
    // pdf-lib writes text as hex strings: look for the hex of the total.
    const hex = (s: string) => Buffer.from(s, "latin1").toString("hex").toUpperCase();
    expect(raw).toContain(hex(`USD ${summary.total.grand_total}`));
    expect(raw).toContain(hex("Billing period: 2025-05-01 to 2025-05-31"));
  });

  it("404s an unknown invoice, 400s a malformed id or action", async () => {
    const sim = testSim();
    const missing = await call(sim, "/invoices/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe("10005");
    expect((await call(sim, "/invoices/not-a-uuid")).status).toBe(400);
    expect((await call(sim, "/invoices/%E0%A4%A")).status).toBe(400);
    const [inv] = (await call(sim, "/invoices?page[size]=1")).body.data;
    const bad = await call(sim, `/invoices/${inv.invoice_id}?action=download`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].source).toEqual({ parameter: "action" });
  });
});

describe("GET /charges_summary", () => {
  function checkTotals(d: any): void {
    const lines = d.summary.lines as any[];
    const comp = lines.filter((l) => l.type === "comparative");
    const simple = lines.filter((l) => l.type === "simple");
    expect(d.total.new_mrc).toBe(sumDecimals(comp.map((l) => l.new_this_month.mrc)));
    expect(d.total.new_otc).toBe(sumDecimals(comp.map((l) => l.new_this_month.otc ?? "0.00")));
    expect(d.total.existing_mrc).toBe(sumDecimals(comp.map((l) => l.existing_this_month.mrc)));
    expect(d.total.other).toBe(sumDecimals(simple.map((l) => l.amount)));
    expect(sumDecimals([d.total.credits, d.total.ledger_adjustments])).toBe(sumDecimals(d.summary.adjustments.map((a: any) => a.amount)));
    expect(d.total.grand_total).toBe(
      sumDecimals([d.total.new_mrc, d.total.new_otc, d.total.existing_mrc, d.total.other, d.total.credits, d.total.ledger_adjustments]),
    );
    for (const v of Object.values(d.total)) expect(v).toMatch(DECIMAL);
  }

  it.each([
    ["2025-05-01", "2025-06-01"],
    ["2025-06-01", "2025-07-01"],
    ["2025-02-01", "2025-03-01"],
    ["2024-12-17", "2025-01-17"],
    ["2025-06-10", "2025-06-11"],
    ["2023-07-01", "2023-08-01"],
  ])("totals add up exactly for %s..%s", async (start, end) => {
    const r = await call(testSim(), `/charges_summary?start_date=${start}&end_date=${end}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ start_date: start, end_date: end, currency: "USD" });
    expect(r.body.data.user_email).toMatch(/@.+\.example$/);
    checkTotals(r.body.data);
  });

  it("has usage, recurring lines and (over a year) adjustments", async () => {
    const sim = testSim();
    const may = (await call(sim, "/charges_summary?start_date=2025-05-01&end_date=2025-06-01")).body.data;
    expect(may.summary.lines.some((l: any) => l.type === "comparative" && l.existing_this_month.quantity > 0)).toBe(true);
    expect(may.summary.lines.some((l: any) => l.type === "simple" && l.quantity > 0)).toBe(true);
    let adjustments = 0;
    for (let m = 1; m <= 12; m++) {
      const s = `2024-${String(m).padStart(2, "0")}-01`;
      const e = m === 12 ? "2025-01-01" : `2024-${String(m + 1).padStart(2, "0")}-01`;
      adjustments += (await call(sim, `/charges_summary?start_date=${s}&end_date=${e}`)).body.data.summary.adjustments.length;
    }
    expect(adjustments).toBeGreaterThan(0);
  });

  it("does not charge usage for days that have not ended", async () => {
    const d = (await call(testSim(), "/charges_summary?start_date=2025-06-15&end_date=2025-06-20")).body.data;
    expect(d.summary.lines.filter((l: any) => l.type === "simple")).toEqual([]);
  });

  it.each([
    ["end_date=2025-06-01", "start_date"],
    ["start_date=2025-05-01", "end_date"],
    ["start_date=2025-05-01&end_date=2025-06-02", "end_date"], // 32 days
    ["start_date=2025-05-10&end_date=2025-05-01", "end_date"],
    ["start_date=2025-05-10&end_date=2025-05-10", "end_date"],
    ["start_date=2025-02-30&end_date=2025-03-01", "start_date"],
    ["start_date=2025-05-01&end_date=June", "end_date"],
    ["start_date=05/01/2025&end_date=2025-06-01", "start_date"],
  ])("400s %s", async (qs, parameter) => {
    const r = await call(testSim(), `/charges_summary?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].source).toEqual({ parameter });
    expect(r.body.errors[0].code).toMatch(/^\d+$/);
  });

  it("accepts exactly 31 days", async () => {
    expect((await call(testSim(), "/charges_summary?start_date=2025-01-01&end_date=2025-02-01")).status).toBe(200);
  });
});

describe("GET /charges_breakdown", () => {
  it("agrees with the summary: MRC and OTC sums match, numbers match quantities", async () => {
    const sim = testSim();
    for (const [start, end] of [
      ["2025-05-01", "2025-06-01"],
      ["2025-06-01", "2025-07-01"],
      ["2024-03-05", "2024-04-05"],
    ]) {
      const b = (await call(sim, `/charges_breakdown?start_date=${start}&end_date=${end}`)).body.data;
      const s = (await call(sim, `/charges_summary?start_date=${start}&end_date=${end}`)).body.data;
      const services = b.results.flatMap((r: any) => r.services);
      expect(sumDecimals(services.filter((x: any) => x.cost_type === "MRC").map((x: any) => x.cost))).toBe(sumDecimals([s.total.new_mrc, s.total.existing_mrc]));
      expect(sumDecimals(services.filter((x: any) => x.cost_type === "OTC").map((x: any) => x.cost))).toBe(s.total.new_otc);
      const numberLines = s.summary.lines.filter((l: any) => ["local", "toll_free", "international"].includes(l.alias));
      const count = numberLines.reduce((n: number, l: any) => n + l.new_this_month.quantity + l.existing_this_month.quantity, 0);
      expect(b.results).toHaveLength(count);
      expect(b.user_id).toBe(s.user_id);
    }
  });

  it("defaults end_date to a month after start_date, and serves CSV", async () => {
    const sim = testSim();
    const r = await call(sim, "/charges_breakdown?start_date=2025-01-31");
    expect(r.body.data.end_date).toBe("2025-02-28");
    expect(r.body.data.results.length).toBeGreaterThanOrEqual(40);
    for (const row of r.body.data.results) {
      expect(row.tn).toMatch(/^\+\d{11,12}$/);
      expect(["local", "toll_free", "international"]).toContain(row.charge_type);
      for (const s of row.services) expect(s.cost).toMatch(DECIMAL);
    }
    const csv = await call(sim, "/charges_breakdown?start_date=2025-05-01&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(String(csv.body).split("\r\n")[0]).toBe("tn,charge_type,service_owner_user_id,service_owner_email,cost_type,service_name,cost");
  });

  it("400s bad parameters", async () => {
    const sim = testSim();
    expect((await call(sim, "/charges_breakdown")).status).toBe(400);
    expect((await call(sim, "/charges_breakdown?start_date=2025-05-01&format=xml")).status).toBe(400);
    expect((await call(sim, "/charges_breakdown?start_date=2025-05-01&end_date=2025-07-01")).status).toBe(400);
  });

  it("has 10,000 numbers at large scale", async () => {
    const sim = testSim({ scale: "large" });
    const r = await call(sim, "/charges_breakdown?start_date=2025-06-01");
    expect(r.body.data.results.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(r.body.data.results.map((x: any) => x.tn)).size).toBe(r.body.data.results.length);
  });
});

describe("GET /audit_events", () => {
  it("lists newest first by default, oldest first with sort=asc", async () => {
    const sim = testSim();
    const desc = (await call(sim, "/audit_events?page[size]=50")).body;
    const times = desc.data.map((e: any) => e.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(Date.parse(times[0])).toBeLessThanOrEqual(TEST_NOW.getTime());
    const asc = (await call(sim, "/audit_events?sort=asc&page[size]=50")).body;
    const t2 = asc.data.map((e: any) => e.created_at);
    expect([...t2].sort()).toEqual(t2);
    expect(asc.meta).toMatchObject({ total_results: desc.meta.total_results });
  });

  it("filters by created_after / created_before", async () => {
    const sim = testSim();
    const after = "2025-03-01T00:00:00Z";
    const before = "2025-04-01T00:00:00Z";
    const { items } = await allPages(sim, `/audit_events?filter[created_after]=${after}&filter[created_before]=${before}`, 100);
    expect(items.length).toBeGreaterThan(5);
    for (const e of items) {
      expect(Date.parse(e.created_at)).toBeGreaterThan(Date.parse(after));
      expect(Date.parse(e.created_at)).toBeLessThan(Date.parse(before));
    }
  });

  it("has realistic changes with values of every JSON type", async () => {
    const { items, total } = await allPages(testSim(), "/audit_events", 250);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((e) => e.id)).size).toBe(total);
    const kinds = new Set<string>();
    for (const e of items) {
      expect(["telnyx", "account_manager", "account_owner", "organization_member"]).toContain(e.change_made_by);
      for (const c of e.changes ?? []) {
        for (const v of [c.from, c.to]) kinds.add(v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
      }
    }
    expect([...kinds].sort()).toEqual(["array", "boolean", "null", "number", "object", "string"]);
    expect(items.some((e) => e.changes === null)).toBe(true);
  });

  it.each([
    ["sort=newest", "sort"],
    ["filter[created_after]=yesterday", "filter[created_after]"],
    ["filter[created_before]=2025-13-01T00:00:00Z", "filter[created_before]"],
    ["page[size]=251", "page[size]"],
  ])("422s %s without a source (the contract's audit error has code, title, detail)", async (qs) => {
    const r = await call(testSim(), `/audit_events?${qs}`);
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors[0]).sort()).toEqual(["code", "detail", "title"]);
  });

  it("has 50,000 events at large scale (those dated up to now)", async () => {
    const r = await call(testSim({ scale: "large" }), "/audit_events?page[size]=1&page[number]=40000");
    expect(r.body.meta.total_results).toBeGreaterThan(45_000);
    expect(r.body.data).toHaveLength(1);
  });
});

describe("GET /detail_records", () => {
  it("requires filter[record_type] (400) and knows the contract's types", async () => {
    const sim = testSim();
    const none = await call(sim, "/detail_records");
    expect(none.status).toBe(400);
    expect(none.body.errors[0].detail).toMatch(/record_type/);
    const bad = await call(sim, "/detail_records?filter[record_type]=wirelessxx");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].detail).toBe("No matching record type was found matching given record type wirelessxx");
    expect((await call(sim, "/detail_records?filter[date_range]=today")).status).toBe(400);
  });

  it.each([
    ["messaging", "message_detail_record", "created_at"],
    ["conference", "conference_detail_record", "started_at"],
    ["conference-participant", "conference_participant_detail_record", "joined_at"],
    ["amd", "amd_detail_record", "invoked_at"],
    ["verify", "verification_detail_record", "created_at"],
    ["wireless", "sim_card_usage", "created_at"],
    ["media_storage", "media_storage", "created_at"],
  ])("serves %s records as %s, newest first", async (type, recordType, timeField) => {
    const r = await call(testSim(), `/detail_records?filter[record_type]=${type}&page[size]=50`);
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(50);
    expect(r.body.meta.page_size).toBe(50);
    const times = r.body.data.map((x: any) => x[timeField]);
    expect([...times].sort().reverse()).toEqual(times);
    for (const x of r.body.data) expect(x.record_type).toBe(recordType);
  });

  it("answers an empty list for enum types whose record schema the contract does not publish", async () => {
    const r = await call(testSim(), "/detail_records?filter[record_type]=call-control");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: [], meta: { page_number: 1, page_size: 20, total_pages: 0, total_results: 0 } });
  });

  it("caps page[size] at 50 with 400", async () => {
    const r = await call(testSim(), "/detail_records?filter[record_type]=messaging&page[size]=51");
    expect(r.status).toBe(400);
    expect(r.body.errors[0].detail).toMatch(/50/);
  });

  it("filters by attribute, operator and time", async () => {
    const sim = testSim();
    const inbound = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[direction]=inbound&page[size]=50")).body;
    expect(inbound.data.length).toBe(50);
    expect(inbound.data.every((x: any) => x.direction === "inbound" && x.status === "received")).toBe(true);
    const all = (await call(sim, "/detail_records?filter[record_type]=messaging&page[size]=1")).body.meta.total_results;
    expect(inbound.meta.total_results).toBeLessThan(all);
    expect(inbound.meta.total_results).toBeGreaterThan(0);

    const contains = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[cld][contains]=555&filter[cld][starts_with]=%2B1212&page[size]=50")).body;
    expect(contains.data.every((x: any) => x.cld.startsWith("+1212") && x.cld.includes("555"))).toBe(true);

    const range = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[created_at][gte]=2025-06-01&filter[created_at][lt]=2025-06-02&page[size]=50")).body;
    expect(range.meta.total_results).toBeGreaterThan(0);
    for (const x of range.data) expect(x.created_at.startsWith("2025-06-01")).toBe(true);

    const today = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[date_range]=today&page[size]=50")).body;
    for (const x of today.data) {
      expect(x.created_at.startsWith("2025-06-15")).toBe(true);
      expect(Date.parse(x.created_at)).toBeLessThanOrEqual(TEST_NOW.getTime());
    }
    const lastMonth = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[date_range]=last_month&page[size]=1")).body;
    expect(lastMonth.data[0].created_at.startsWith("2025-05")).toBe(true);
    const last7 = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[date_range]=last_7_days&sort=created_at&page[size]=1")).body;
    expect(Date.parse(last7.data[0].created_at)).toBeGreaterThanOrEqual(TEST_NOW.getTime() - 7 * 86_400_000);
    expect((await call(sim, "/detail_records?filter[record_type]=messaging&filter[date_range]=next_month")).body.meta.total_results).toBe(0);

    const failed = (await call(sim, "/detail_records?filter[record_type]=messaging&filter[status]=failed&filter[parts][gte]=2&page[size]=50")).body;
    expect(failed.data.every((x: any) => x.status === "failed" && x.parts >= 2 && x.errors.length === 1)).toBe(true);
  });

  it("sorts by other fields, both directions, and pages consistently", async () => {
    const sim = testSim();
    const base = "/detail_records?filter[record_type]=verify&sort=-verify_usage_fee,created_at";
    const { items, total } = await allPages(sim, base, 50);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((x) => x.id)).size).toBe(total);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].verify_usage_fee >= items[i].verify_usage_fee).toBe(true);
  });

  it.each([
    ["filter[record_type]=messaging&filter[date_range]=last_year", "filter[date_range]"],
    ["filter[record_type]=messaging&filter[nope]=1", "filter[nope]"],
    ["filter[record_type]=messaging&filter[cld][like]=1", "filter[cld][like]"],
    ["filter[record_type]=messaging&filter[parts][gte]=two", "filter[parts][gte]"],
    ["filter[record_type]=messaging&filter[fteu]=yes", "filter[fteu]"],
    ["filter[record_type]=messaging&filter[created_at][gte]=June", "filter[created_at][gte]"],
    ["filter[record_type]=messaging&sort=nope", "sort"],
    ["filter[record_type]=messaging&page[number]=0", "page[number]"],
  ])("400s %s", async (qs) => {
    const r = await call(testSim(), `/detail_records?${qs}`);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.errors[0]).sort()).toEqual(["code", "detail", "title"]);
  });

  it("has 100,000 messaging records at large scale and pages deep quickly", async () => {
    const sim = testSim({ scale: "large" });
    const t = performance.now();
    const r = await call(sim, "/detail_records?filter[record_type]=messaging&page[size]=50&page[number]=1500");
    expect(r.body.meta.total_results).toBeGreaterThan(60_000);
    expect(r.body.data).toHaveLength(50);
    expect(performance.now() - t).toBeLessThan(1_000);
  });
});

describe("GET /webhook_deliveries", () => {
  it("has deliveries with 1-5 attempts, most recent attempt first; failed ones only failed attempts", async () => {
    const { items, total } = await allPages(testSim(), "/webhook_deliveries", 250);
    expect(items).toHaveLength(total);
    let scripts = 0;
    let timeouts = 0;
    const codes = new Set<number>();
    for (const d of items) {
      expect(d.record_type).toBe("webhook_delivery");
      expect(d.attempts.length).toBeGreaterThanOrEqual(1);
      expect(d.attempts.length).toBeLessThanOrEqual(5);
      expect(d.started_at).toBe(d.attempts[d.attempts.length - 1].started_at);
      expect(d.finished_at).toBe(d.attempts[0].finished_at);
      for (let i = 1; i < d.attempts.length; i++) expect(d.attempts[i - 1].started_at > d.attempts[i].started_at).toBe(true);
      if (d.status === "failed") expect(d.attempts.every((a: any) => a.status === "failed")).toBe(true);
      else expect(d.attempts[0].status).toBe("delivered");
      for (const a of d.attempts) {
        if (a.status === "failed") {
          if (!a.http.response) timeouts++;
          else codes.add(a.http.response.status);
          if (a.http.response?.body.includes("<script>alert(1)</script>")) scripts++;
          expect(a.errors.length).toBe(1);
        }
        expect(a.http.request.headers.every((h: any) => Array.isArray(h) && h.length === 2)).toBe(true);
      }
    }
    expect(items.some((d) => d.status === "failed")).toBe(true);
    expect(scripts).toBeGreaterThan(0);
    expect(timeouts).toBeGreaterThan(0);
    expect([...codes].some((c) => c >= 400 && c < 500)).toBe(true);
    expect([...codes].some((c) => c >= 500)).toBe(true);
  });

  it("filters by status, event types, text and times", async () => {
    const sim = testSim();
    const failed = (await call(sim, "/webhook_deliveries?filter[status][eq]=failed&page[size]=250")).body;
    expect(failed.data.length).toBeGreaterThan(0);
    expect(failed.data.every((d: any) => d.status === "failed")).toBe(true);
    const types = (await call(sim, "/webhook_deliveries?filter[event_type]=call.hangup,message.received&page[size]=250")).body;
    expect(types.data.every((d: any) => ["call.hangup", "message.received"].includes(d.webhook.event_type))).toBe(true);
    expect(new Set(types.data.map((d: any) => d.webhook.event_type)).size).toBe(2);
    const attempts = (await call(sim, "/webhook_deliveries?filter[attempts][contains]=failover.&page[size]=250")).body;
    expect(attempts.data.length).toBeGreaterThan(0);
    expect(attempts.data.every((d: any) => d.attempts.length >= 2)).toBe(true);
    const webhook = (await call(sim, "/webhook_deliveries?filter[webhook][contains]=fax.delivered")).body;
    expect(webhook.data.every((d: any) => JSON.stringify(d.webhook).includes("fax.delivered"))).toBe(true);
    const since = "2025-06-10T00:00:00Z";
    const until = "2025-06-12T00:00:00Z";
    const started = (await call(sim, `/webhook_deliveries?filter[started_at][gte]=${since}&filter[started_at][lte]=${until}&page[size]=250`)).body;
    expect(started.data.length).toBeGreaterThan(0);
    for (const d of started.data) expect(d.started_at >= "2025-06-10" && d.started_at <= "2025-06-12T00:00:00.000Z").toBe(true);
    const finished = (await call(sim, `/webhook_deliveries?filter[finished_at][gte]=${since}&filter[finished_at][lte]=${until}&page[size]=250`)).body;
    for (const d of finished.data) expect(Date.parse(d.finished_at) >= Date.parse(since) && Date.parse(d.finished_at) <= Date.parse(until)).toBe(true);
  });

  it.each([
    ["filter[status][eq]=bounced", "filter[status][eq]"],
    ["filter[status]=failed", "filter[status]"],
    ["filter[started_at][gte]=last-week", "filter[started_at][gte]"],
    ["page[size]=251", "page[size]"],
    ["page[number]=x", "page[number]"],
  ])("422s %s", async (qs, parameter) => {
    const r = await call(testSim(), `/webhook_deliveries?${qs}`);
    expect(r.status).toBe(422);
    expect(r.body.errors[0].source).toEqual({ parameter });
  });

  it("retrieves one by id (any case), 404s unknown and malformed ids", async () => {
    const sim = testSim();
    const [d] = (await call(sim, "/webhook_deliveries?page[size]=1")).body.data;
    expect((await call(sim, `/webhook_deliveries/${d.id}`)).body.data).toEqual(d);
    expect((await call(sim, `/webhook_deliveries/${d.id.toUpperCase()}`)).status).toBe(200);
    expect((await call(sim, "/webhook_deliveries/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call(sim, "/webhook_deliveries/nope")).status).toBe(404);
  });
});

describe("auto-recharge preferences", () => {
  it("PATCH persists, returns the saved prefs and adds an audit event", async () => {
    const sim = testSim();
    const before = (await call(sim, "/payment/auto_recharge_prefs")).body.data;
    expect(before).toMatchObject({ record_type: "auto_recharge_pref", enabled: true, preference: "credit_paypal" });
    expect(before.threshold_amount).toMatch(DECIMAL);
    const r = await call(sim, "/payment/auto_recharge_prefs", { method: "PATCH", body: JSON.stringify({ threshold_amount: "150", recharge_amount: "75.50", enabled: false, preference: "ach" }) });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ ...before, threshold_amount: "150.00", recharge_amount: "75.50", enabled: false, preference: "ach" });
    expect((await call(sim, "/payment/auto_recharge_prefs")).body.data).toEqual(r.body.data);
    const [event] = (await call(sim, "/audit_events?page[size]=1")).body.data;
    expect(event).toMatchObject({ record_type: "auto_recharge_pref", change_type: "update", change_made_by: "account_owner", resource_id: before.id });
    expect(event.changes).toContainEqual({ field: "enabled", from: true, to: false });
    expect(event.changes).toContainEqual({ field: "threshold_amount", from: before.threshold_amount, to: "150.00" });
  });

  it.each([
    ["not json", "/"],
    ["[]", "/"],
    ['"x"', "/"],
    ['{"threshold_amount": 100}', "/threshold_amount"],
    ['{"threshold_amount": "-1.00"}', "/threshold_amount"],
    ['{"recharge_amount": "1.234"}', "/recharge_amount"],
    ['{"recharge_amount": "0.00"}', "/recharge_amount"],
    ['{"enabled": "yes"}', "/enabled"],
    ['{"invoice_enabled": 1}', "/invoice_enabled"],
    ['{"preference": "card"}', "/preference"],
  ])("422s body %s", async (body, pointer) => {
    const sim = testSim();
    const before = (await call(sim, "/payment/auto_recharge_prefs")).body.data;
    const r = await call(sim, "/payment/auto_recharge_prefs", { method: "PATCH", body });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].source).toEqual({ pointer });
    expect((await call(sim, "/payment/auto_recharge_prefs")).body.data).toEqual(before);
  });
});

describe("stored payment transactions", () => {
  it.each(["/v2/payment/stored_payment_transactions", "/payment/stored_payment_transactions"])("POST %s raises the balance by exactly the amount", async (path) => {
    const sim = testSim();
    const before = (await call(sim, "/balance")).body.data;
    const r1 = await call(sim, path, { method: "POST", body: JSON.stringify({ amount: "0.10" }) });
    const r2 = await call(sim, path, { method: "POST", body: JSON.stringify({ amount: "0.20" }) });
    expect(r1.status).toBe(200);
    expect(r1.body.data).toMatchObject({
      record_type: "transaction",
      amount_cents: 10,
      processor_status: "submitted_for_settlement",
      amount_currency: "USD",
      auto_recharge: false,
      transaction_processing_type: "stored_payment",
    });
    expect(r1.body.data.created_at).toBe(TEST_NOW.toISOString());
    expect(r2.body.data.amount_cents).toBe(20);
    const after = (await call(sim, "/balance")).body.data;
    expect(after.balance).toBe(sumDecimals([before.balance, "0.30"]));
    expect(after.available_credit).toBe(sumDecimals([after.balance, after.credit_limit]));
    const [event] = (await call(sim, "/audit_events?page[size]=1")).body.data;
    expect(event).toMatchObject({ record_type: "payment", change_type: "create", resource_id: r2.body.data.id });
    expect(event.changes).toContainEqual({ field: "amount", from: null, to: "0.20" });
  });

  it.each(["12", "abc", "-5.00", "0.00", "12.345", "12.5", "", " 12.00", "1e2", "1,000.00"])("422s amount %j without changing the balance", async (amount) => {
    const sim = testSim();
    const before = (await call(sim, "/balance")).body.data.balance;
    const r = await call(sim, "/v2/payment/stored_payment_transactions", { method: "POST", body: JSON.stringify({ amount }) });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ code: "10027", title: "Invalid amount format", source: { pointer: "/" } });
    expect(r.body.errors[0].meta.url).toMatch(/^https:\/\//);
    expect((await call(sim, "/balance")).body.data.balance).toBe(before);
  });

  it("422s a missing, non-string amount or a body that is not an object", async () => {
    const sim = testSim();
    for (const body of ["{}", '{"amount": 12}', '{"amount": null}', "[]", "nope", ""]) {
      expect((await call(sim, "/payment/stored_payment_transactions", { method: "POST", body })).status, body).toBe(422);
    }
  });

  it("replays a repeated Idempotency-Key instead of charging twice", async () => {
    const sim = testSim();
    const before = (await call(sim, "/balance")).body.data.balance;
    const init = { method: "POST", body: JSON.stringify({ amount: "25.00" }), headers: { "idempotency-key": "abc-1" } };
    const a = await call(sim, "/v2/payment/stored_payment_transactions", init);
    const b = await call(sim, "/v2/payment/stored_payment_transactions", init);
    expect(b.body.data).toEqual(a.body.data);
    expect((await call(sim, "/balance")).body.data.balance).toBe(sumDecimals([before, "25.00"]));
    const other = await call(sim, "/v2/payment/stored_payment_transactions", { ...init, body: JSON.stringify({ amount: "30.00" }) });
    expect(other.status).toBe(422);
  });
});

describe("GET /user_tags", () => {
  it("lists both tag lists, filtered by prefix case-insensitively", async () => {
    const sim = testSim();
    const all = (await call(sim, "/user_tags")).body.data;
    expect(all.number_tags.length).toBeGreaterThan(0);
    expect(all.outbound_profile_tags.length).toBeGreaterThan(0);
    const first = all.number_tags[0] as string;
    const some = (await call(sim, `/user_tags?filter[starts_with]=${first.slice(0, 2).toUpperCase()}`)).body.data;
    expect(some.number_tags).toContain(first);
    expect(some.number_tags.every((t: string) => t.toLowerCase().startsWith(first.slice(0, 2).toLowerCase()))).toBe(true);
    expect((await call(sim, "/user_tags?filter[starts_with]=zzz")).body.data).toEqual({ outbound_profile_tags: [], number_tags: [] });
    // Only 200 and 401 are in the contract for this operation: odd filters are ignored, not refused.
    for (const q of ["filter=abc", "filter[starts_with][x]=1", "filter[starts_with]=a&filter[starts_with]=b"]) expect((await call(sim, `/user_tags?${q}`)).status).toBe(200);
  });
});

describe("determinism, month anchoring and reset", () => {
  const paths = [
    "/balance",
    "/invoices?page[size]=250",
    "/audit_events?page[size]=100",
    "/charges_summary?start_date=2025-05-01&end_date=2025-06-01",
    "/charges_breakdown?start_date=2025-05-01",
    "/detail_records?filter[record_type]=messaging&page[size]=50",
    "/detail_records?filter[record_type]=wireless&page[size]=50&page[number]=3",
    "/webhook_deliveries?page[size]=100",
    "/payment/auto_recharge_prefs",
    "/user_tags",
  ];

  it("the same seed gives the same data; another seed gives other data", async () => {
    const a = testSim({ seed: 42 });
    const b = testSim({ seed: 42 });
    const c = testSim({ seed: 43 });
    for (const p of paths) {
      const [ra, rb, rc] = await Promise.all([call(a, p), call(b, p), call(c, p)]);
      expect(rb.body, p).toEqual(ra.body);
      expect(rc.status, p).toBe(200);
    }
    expect((await call(c, "/balance")).body).not.toEqual((await call(a, "/balance")).body);
    expect((await call(c, "/audit_events")).body).not.toEqual((await call(a, "/audit_events")).body);
  });

  it("is anchored to the month: other days of the month see the same records (those already past)", async () => {
    const early = createSimulator({ now: () => new Date("2025-06-03T00:00:00Z") });
    const late = createSimulator({ now: () => new Date("2025-06-28T23:00:00Z") });
    const q = "/audit_events?filter[created_before]=2025-06-02T00:00:00Z&page[size]=50";
    expect((await call(late, q)).body).toEqual((await call(early, q)).body);
    expect((await call(late, "/invoices")).body).toEqual((await call(early, "/invoices")).body);
    // The late view has more events: time went on.
    expect((await call(late, "/audit_events")).body.meta.total_results).toBeGreaterThan((await call(early, "/audit_events")).body.meta.total_results);
    // Next month there is a new invoice, and May's keeps its id.
    const july = createSimulator({ now: () => new Date("2025-07-02T00:00:00Z") });
    const julyInvoices = (await call(july, "/invoices")).body.data;
    expect(julyInvoices[0].period_start).toBe("2025-06-01");
    const mayJune = (await call(early, "/invoices")).body.data[0];
    expect(julyInvoices[1].invoice_id).toBe(mayJune.invoice_id);
  });

  it("moves to the new month when the clock does, keeping what writes changed", async () => {
    let now = new Date("2025-06-30T23:00:00Z");
    const sim = createSimulator({ now: () => now });
    await call(sim, "/v2/payment/stored_payment_transactions", { method: "POST", body: JSON.stringify({ amount: "10.00" }) });
    const balance = (await call(sim, "/balance")).body.data.balance;
    now = new Date("2025-07-01T01:00:00Z");
    expect((await call(sim, "/invoices?page[size]=1")).body.data[0].period_start).toBe("2025-06-01");
    // The payment is kept; June 30 has ended, so its charges are debited (and a recharge may follow).
    const day = (await call(sim, "/charges_summary?start_date=2025-06-30&end_date=2025-07-01")).body.data.total;
    const recharges = (await call(sim, "/audit_events?filter[created_after]=2025-07-01T00:00:00Z")).body.data.filter((e: any) => e.record_type === "payment");
    const debit = new Big(day.grand_total).minus(day.existing_mrc);
    const topUps = recharges.reduce((t: Big, e: any) => t.plus(e.changes[0].to), new Big(0));
    expect((await call(sim, "/balance")).body.data.balance).toBe(new Big(balance).minus(debit).plus(topUps).toFixed(2));
    const events = (await call(sim, "/audit_events?filter[created_after]=2025-06-30T22:00:00Z")).body.data;
    expect(events.some((e: any) => e.record_type === "payment" && e.changes[0].to === "10.00")).toBe(true);
  });

  it("reset() restores the seeded state after writes", async () => {
    const sim = testSim();
    const before = await Promise.all(["/balance", "/audit_events", "/payment/auto_recharge_prefs"].map((p) => call(sim, p)));
    await call(sim, "/v2/payment/stored_payment_transactions", { method: "POST", body: JSON.stringify({ amount: "99.99" }) });
    await call(sim, "/payment/auto_recharge_prefs", { method: "PATCH", body: JSON.stringify({ enabled: false }) });
    expect((await call(sim, "/balance")).body).not.toEqual(before[0]!.body);
    sim.reset();
    const after = await Promise.all(["/balance", "/audit_events", "/payment/auto_recharge_prefs"].map((p) => call(sim, p)));
    for (let i = 0; i < 3; i++) expect(after[i]!.body).toEqual(before[i]!.body);
  });
});

describe("sim.fetch (the SDK's in-process transport)", () => {
  it("accepts strings, URLs and Requests", async () => {
    const sim = testSim();
    const init = { headers: { authorization: "Bearer k" } };
    expect((await sim.fetch(`${EMBEDDED_SIM_BASE_URL}/balance`, init)).status).toBe(200);
    expect((await sim.fetch(new URL(`${EMBEDDED_SIM_BASE_URL}/balance`), init)).status).toBe(200);
    expect((await sim.fetch(new Request(`${EMBEDDED_SIM_BASE_URL}/balance`, init))).status).toBe(200);
    const post = await sim.fetch(`${EMBEDDED_SIM_BASE_URL}/v2/payment/stored_payment_transactions`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ amount: "1.00" }),
    });
    expect(post.status).toBe(200);
  });

  it("rejects with an AbortError when the signal is already aborted or aborts meanwhile", async () => {
    const sim = testSim({ scale: "large" });
    const pre = new AbortController();
    pre.abort();
    await expect(sim.fetch(`${EMBEDDED_SIM_BASE_URL}/balance`, { signal: pre.signal, headers: { authorization: "Bearer k" } })).rejects.toMatchObject({ name: "AbortError" });
    const ctl = new AbortController();
    // A slow request (sorting 100k records), aborted right away.
    const p = sim.fetch(`${EMBEDDED_SIM_BASE_URL}/detail_records?filter[record_type]=messaging&sort=cost`, { signal: ctl.signal, headers: { authorization: "Bearer k" } });
    ctl.abort();
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe("AbortError");
  });
});
