// Conformance of the standalone simulator to the official contract, ../shared/telnyx/account-openapi.json
// (relative to the repository root; not copied into the project). Every response — success and error —
// must have a status the operation lists (or its `default`), and a body valid against the schema the
// contract gives for that status and media type. Run with `npm run test:contract`.
//
// Two readings of the contract this test makes explicit:
// - DetailRecord is a `oneOf` of seven record schemas that each declare their record_type only as a
//   `default`; taken literally every record matches several branches and no record can validate. The
//   `discriminator: record_type` says the value picks the branch, so the test turns each branch's
//   default into a `const` (in memory) and keeps the oneOf: a record must match exactly its own schema.
// - /detail_records lists no 401, yet the operation requires bearerAuth: a 401 without credentials is
//   allowed for any operation with a security requirement (a body, if any, is checked as ErrorResponse).
// - No operation lists 429, yet Telnyx rate-limits every call (per API key): a 429 is allowed for any
//   operation, with Retry-After, its body checked as the operation's `default` or ErrorResponse.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINE_RECORD_TYPE } from "./data/usage";
import { DETAIL_TYPES } from "./data/world";
import { startSimServer, type SimServer } from "./server";
import { sumDecimals } from "./test-helpers";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SPEC_PATH = path.resolve(REPO_ROOT, "../shared/telnyx/account-openapi.json");
const SPEC_ID = "https://contract.local/account-openapi.json";

type Json = any;

let spec: Json;
let ajv: Ajv2020;
let servers: { main: SimServer; credit: SimServer };
const validators = new Map<string, ValidateFunction>();
let validated = 0;
let statusOnly = 0;
const failures: string[] = [];

function loadSpec(): Json {
  if (!existsSync(SPEC_PATH)) throw new Error(`The contract is missing: expected ${SPEC_PATH}. This test fails rather than skips without it.`);
  return JSON.parse(readFileSync(SPEC_PATH, "utf8"));
}

function deref(obj: Json): Json {
  if (obj && typeof obj.$ref === "string" && obj.$ref.startsWith("#/")) {
    const target = obj.$ref
      .slice(2)
      .split("/")
      .reduce((o: Json, k: string) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
    if (target === undefined) throw new Error(`unresolvable ${obj.$ref}`);
    return deref(target);
  }
  return obj;
}

/** A copy of an inline schema whose local refs point into the registered spec. */
function absolutize(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(absolutize);
  if (schema && typeof schema === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(schema)) out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${SPEC_ID}${v}` : absolutize(v);
    return out;
  }
  return schema;
}

function patchDiscriminators(s: Json): void {
  const dr = s.components.schemas.DetailRecord;
  for (const branch of dr.oneOf) {
    const target = deref(branch);
    const rt = target.properties.record_type;
    target.properties.record_type = { ...rt, const: rt.default };
  }
}

interface Op {
  method: string;
  template: string;
  op: Json;
}

function operation(method: string, template: string): Op {
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`the contract has no ${method} ${template}`);
  return { method, template, op };
}

/** Checks one response against the operation's contract; returns the parsed body. */
async function check(o: Op, label: string, res: Response): Promise<Json> {
  const status = res.status;
  const contentType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const text = await res.text();
  const responses = o.op.responses as Record<string, Json>;
  let declared = responses[String(status)] ?? responses.default;
  const secured = (o.op.security ?? spec.security ?? []).some((r: Json) => "bearerAuth" in r);
  let where = responses[String(status)] ? String(status) : "default";
  if (!declared && status === 401 && secured) {
    declared = { content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } };
    where = "401 (security requirement)";
  }
  if (status === 429 && !responses["429"]) {
    if (!res.headers.get("retry-after")) failures.push(`${o.method} ${o.template} [${label}] → 429 without Retry-After`);
    declared = responses.default ?? { content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } };
    where = "429 (rate limit)";
  }
  const name = `${o.method} ${o.template} [${label}] → ${status}`;
  if (!declared) {
    failures.push(`${name}: status ${status} is not listed (listed: ${Object.keys(responses).join(", ")})`);
    return undefined;
  }
  const response = deref(declared);
  if (!response.content) {
    // The contract declares this status without a body schema: the status is all it constrains.
    statusOnly++;
    if (text !== "" && contentType === "application/json") JSON.parse(text);
    return text ? safeJson(text) : undefined;
  }
  const media = response.content[contentType];
  if (!media) {
    failures.push(`${name}: content-type ${contentType || "(none)"} not among ${Object.keys(response.content).join(", ")}`);
    return undefined;
  }
  const body = contentType === "application/json" ? safeJson(text) : text;
  if (body === INVALID_JSON) {
    failures.push(`${name}: body is not JSON`);
    return undefined;
  }
  const key = `${o.method} ${o.template} ${where} ${contentType}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(absolutize(media.schema));
    validators.set(key, validate);
  }
  if (!validate(body)) {
    failures.push(`${name}: ${ajv.errorsText(validate.errors, { separator: "\n    " })}`);
  }
  validated++;
  return body;
}

const INVALID_JSON = Symbol("invalid json");
function safeJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

const KEY = { authorization: "Bearer KEY_contract_test" };

async function send(server: SimServer, o: Op, label: string, pathAndQuery: string, init: { method?: string; body?: string; auth?: boolean } = {}): Promise<Json> {
  const headers: Record<string, string> = init.auth === false ? {} : { ...KEY };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${server.baseURL}${pathAndQuery}`, { method: init.method ?? o.method, headers, body: init.body });
  return check(o, label, res);
}

beforeAll(async () => {
  spec = loadSpec();
  patchDiscriminators(spec);
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // Formats the contract uses that are not JSON Schema's own.
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("integer", { type: "string", validate: (s: string) => /^-?\d+$/.test(s) });
  ajv.addSchema(spec, SPEC_ID);
  servers = {
    main: await startSimServer({ port: 0 }),
    credit: await startSimServer({ port: 0, seed: 7, scale: "large" }),
  };
});

afterAll(async () => {
  await servers?.main.close();
  await servers?.credit.close();
  console.log(`validated ${validated} responses against the contract's schemas (+${statusOnly} whose status has no body schema in the contract)`);
});

function monthRanges(count: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const now = new Date();
  for (let i = 0; i < count; i++) {
    const s = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const e = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i + 1, 1));
    out.push([s.toISOString().slice(0, 10), e.toISOString().slice(0, 10)]);
  }
  return out;
}

function expectNoFailures(): void {
  const mine = failures.splice(0);
  expect(mine, mine.join("\n")).toEqual([]);
}

describe("the simulator conforms to account-openapi.json", () => {
  it("finds the contract", () => {
    expect(existsSync(SPEC_PATH), SPEC_PATH).toBe(true);
    expect(Object.keys(spec.paths)).toHaveLength(12);
  });

  it("GET /audit_events", async () => {
    const o = operation("GET", "/audit_events");
    for (const s of [servers.main, servers.credit]) {
      for (const q of ["", "?page[number]=2&page[size]=10", "?page[size]=250&sort=asc", "?sort=desc&page[size]=1&page[number]=3", "?filter[created_after]=2020-01-01T00:00:00Z&filter[created_before]=2099-01-01T00:00:00Z", "?page%5Bnumber%5D=99999"])
        await send(s, o, q || "default", `/audit_events${q}`);
    }
    for (const q of ["?sort=newest", "?filter[created_after]=yesterday", "?page[size]=0", "?page[size]=251", "?page[number]=x"]) await send(servers.main, o, q, `/audit_events${q}`);
    await send(servers.main, o, "no auth", "/audit_events", { auth: false });
    expectNoFailures();
  });

  it("GET /balance", async () => {
    const o = operation("GET", "/balance");
    const body = await send(servers.main, o, "seed 42", "/balance");
    expect(Number(body.data.balance)).toBeGreaterThan(0);
    const credit = await send(servers.credit, o, "seed 7", "/balance");
    expect(credit.data.balance.startsWith("-")).toBe(true);
    await send(servers.main, o, "no auth", "/balance", { auth: false });
    expectNoFailures();
  });

  it("GET /charges_summary", async () => {
    const o = operation("GET", "/charges_summary");
    for (const [start, end] of monthRanges(25)) await send(servers.main, o, start, `/charges_summary?start_date=${start}&end_date=${end}`);
    for (const [start, end] of monthRanges(3)) await send(servers.credit, o, `large ${start}`, `/charges_summary?start_date=${start}&end_date=${end}`);
    await send(servers.main, o, "mid-month", "/charges_summary?start_date=2025-05-10&end_date=2025-05-20");
    for (const q of ["", "?start_date=2025-05-01", "?end_date=2025-06-01", "?start_date=2025-05-01&end_date=2025-06-02", "?start_date=2025-06-01&end_date=2025-05-01", "?start_date=2025-02-30&end_date=2025-03-01", "?start_date=x&end_date=y"])
      await send(servers.main, o, q || "no params", `/charges_summary${q}`);
    await send(servers.main, o, "no auth", "/charges_summary?start_date=2025-05-01&end_date=2025-06-01", { auth: false });
    expectNoFailures();
  });

  it("GET /charges_breakdown", async () => {
    const o = operation("GET", "/charges_breakdown");
    for (const [start, end] of monthRanges(6)) {
      await send(servers.main, o, start, `/charges_breakdown?start_date=${start}&end_date=${end}`);
      await send(servers.main, o, `${start} csv`, `/charges_breakdown?start_date=${start}&format=csv`);
    }
    const [current] = monthRanges(1);
    const big = await send(servers.credit, o, "large", `/charges_breakdown?start_date=${current![0]}&format=json`);
    expect(big.data.results.length).toBeGreaterThanOrEqual(10_000);
    for (const q of ["", "?start_date=2025-05-01&format=pdf", "?start_date=2025-05-01&end_date=2025-07-01", "?start_date=2025-13-01"]) await send(servers.main, o, q || "no params", `/charges_breakdown${q}`);
    await send(servers.main, o, "no auth", "/charges_breakdown?start_date=2025-05-01", { auth: false });
    expectNoFailures();
  });

  it("GET /detail_records", async () => {
    const o = operation("GET", "/detail_records");
    const types = o.op.parameters.find((p: Json) => p.name === "filter").schema.properties.record_type.enum as string[];
    expect(types).toHaveLength(21);
    for (const t of types) {
      await send(servers.main, o, t, `/detail_records?filter[record_type]=${t}&page[size]=50`);
      await send(servers.main, o, `${t} p2 asc`, `/detail_records?filter%5Brecord_type%5D=${t}&page%5Bnumber%5D=2&page%5Bsize%5D=7&sort=created_at`);
    }
    const ranges = ["yesterday", "today", "tomorrow", "last_week", "this_week", "next_week", "last_month", "this_month", "next_month", "last_30_days"];
    for (const r of ranges) await send(servers.main, o, r, `/detail_records?filter[record_type]=messaging&filter[date_range]=${r}`);
    for (const q of [
      "filter[record_type]=messaging&filter[direction]=inbound&page[size]=50",
      "filter[record_type]=messaging&filter[cld][contains]=555&sort=-cost",
      "filter[record_type]=messaging&filter[created_at][gte]=2020-01-01&filter[created_at][lt]=2099-01-01",
      "filter[record_type]=wireless&sort=-downlink_data&page[size]=50",
      "filter[record_type]=verify&filter[verify_channel_type]=sms&sort=created_at",
      "filter[record_type]=amd&filter[feature]=PREMIUM",
      "filter[record_type]=conference&sort=-participant_count",
    ])
      await send(servers.main, o, q, `/detail_records?${q}`);
    const big = await send(servers.credit, o, "large deep page", "/detail_records?filter[record_type]=messaging&page[size]=50&page[number]=1000");
    expect(big.data).toHaveLength(50);
    for (const q of ["", "?filter[date_range]=today", "?filter[record_type]=wirelessxx", "?filter[record_type]=messaging&page[size]=51", "?filter[record_type]=messaging&filter[date_range]=someday", "?filter[record_type]=messaging&filter[nope]=1", "?filter[record_type]=messaging&sort=nope"])
      await send(servers.main, o, q || "no filter", `/detail_records${q}`);
    await send(servers.main, o, "no auth", "/detail_records?filter[record_type]=messaging", { auth: false });
    expectNoFailures();
  });

  it("GET /invoices and GET /invoices/{id}", async () => {
    const list = operation("GET", "/invoices");
    const one = operation("GET", "/invoices/{id}");
    const all = await send(servers.main, list, "all", "/invoices?page[size]=250");
    for (const q of ["", "?sort=period_start", "?sort=-period_start&page[number]=2&page[size]=5", "?page[number]=10"]) await send(servers.main, list, q || "default", `/invoices${q}`);
    await send(servers.credit, list, "seed 7", "/invoices");
    for (const q of ["?sort=amount", "?page[size]=251", "?page[size]=0"]) await send(servers.main, list, q, `/invoices${q}`);
    await send(servers.main, list, "no auth", "/invoices", { auth: false });
    for (const inv of all.data) {
      await send(servers.main, one, "json", `/invoices/${inv.invoice_id}`);
      const linked = await send(servers.main, one, "link", `/invoices/${inv.invoice_id}?action=link`);
      expect(linked.data.download_url.startsWith(servers.main.url)).toBe(true);
    }
    await send(servers.main, one, "unknown", "/invoices/00000000-0000-4000-8000-000000000000");
    await send(servers.main, one, "malformed", "/invoices/abc");
    await send(servers.main, one, "bad action", `/invoices/${all.data[0].invoice_id}?action=pdf`);
    await send(servers.main, one, "no auth", `/invoices/${all.data[0].invoice_id}`, { auth: false });
    const pdf = await fetch((await (await fetch(`${servers.main.baseURL}/invoices/${all.data[0].invoice_id}?action=link`, { headers: KEY })).json()).data.download_url);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expectNoFailures();
  });

  it("GET and PATCH /payment/auto_recharge_prefs", async () => {
    const get = operation("GET", "/payment/auto_recharge_prefs");
    const patch = operation("PATCH", "/payment/auto_recharge_prefs");
    await send(servers.main, get, "seed 42", "/payment/auto_recharge_prefs");
    await send(servers.credit, get, "seed 7", "/payment/auto_recharge_prefs");
    for (const body of [{ enabled: false }, { threshold_amount: "104.00", recharge_amount: "104.00", enabled: true, invoice_enabled: false, preference: "ach" }, { preference: "credit_paypal" }, {}])
      await send(servers.main, patch, JSON.stringify(body), "/payment/auto_recharge_prefs", { body: JSON.stringify(body) });
    for (const body of ["nope", "[]", '{"enabled":"yes"}', '{"threshold_amount":12}', '{"preference":"card"}', '{"recharge_amount":"1.234"}'])
      await send(servers.main, patch, body, "/payment/auto_recharge_prefs", { body });
    await send(servers.main, get, "no auth", "/payment/auto_recharge_prefs", { auth: false });
    await send(servers.main, patch, "no auth", "/payment/auto_recharge_prefs", { auth: false, body: "{}" });
    expectNoFailures();
  });

  it("GET /user_tags", async () => {
    const o = operation("GET", "/user_tags");
    for (const q of ["", "?filter[starts_with]=s", "?filter%5Bstarts_with%5D=zzz", "?filter=odd", "?filter[starts_with][eq]=x"]) await send(servers.main, o, q || "all", `/user_tags${q}`);
    await send(servers.main, o, "no auth", "/user_tags", { auth: false });
    expectNoFailures();
  });

  it("POST /v2/payment/stored_payment_transactions (at both addresses)", async () => {
    const o = operation("POST", "/v2/payment/stored_payment_transactions");
    for (const p of ["/v2/payment/stored_payment_transactions", "/payment/stored_payment_transactions"]) {
      for (const amount of ["120.00", "0.01", "5.50"]) await send(servers.main, o, `${p} ${amount}`, p, { body: JSON.stringify({ amount }) });
      for (const amount of ["12", "abc", "-5.00", "0.00", "12.345"]) await send(servers.main, o, `${p} ${amount}`, p, { body: JSON.stringify({ amount }) });
      for (const body of ["{}", "nope", '{"amount":12}']) await send(servers.main, o, `${p} ${body}`, p, { body });
      await send(servers.main, o, `${p} no auth`, p, { auth: false, body: JSON.stringify({ amount: "1.00" }) });
    }
    expectNoFailures();
  });

  it("GET /webhook_deliveries and GET /webhook_deliveries/{id}", async () => {
    const list = operation("GET", "/webhook_deliveries");
    const one = operation("GET", "/webhook_deliveries/{id}");
    const first = await send(servers.main, list, "default", "/webhook_deliveries?page[size]=250");
    for (const q of [
      "?page[number]=2&page[size]=100",
      "?filter[status][eq]=failed&page[size]=250",
      "?filter[status][eq]=delivered",
      "?filter[event_type]=call.hangup,message.received",
      "?filter[webhook][contains]=message.",
      "?filter[attempts][contains]=failover.",
      "?filter[started_at][gte]=2020-01-01T00:00:00Z&filter[started_at][lte]=2099-01-01T00:00:00Z",
      "?filter[finished_at][gte]=2020-01-01T00:00:00Z&filter[finished_at][lte]=2099-01-01T00:00:00Z",
    ])
      await send(servers.main, list, q, `/webhook_deliveries${q}`);
    await send(servers.credit, list, "large", "/webhook_deliveries?page[size]=250&page[number]=40");
    for (const q of ["?filter[status][eq]=bounced", "?page[size]=251", "?filter[started_at][gte]=soon"]) await send(servers.main, list, q, `/webhook_deliveries${q}`);
    await send(servers.main, list, "no auth", "/webhook_deliveries", { auth: false });
    for (const d of first.data.slice(0, 40)) await send(servers.main, one, d.status, `/webhook_deliveries/${d.id}`);
    await send(servers.main, one, "unknown", "/webhook_deliveries/00000000-0000-4000-8000-000000000000");
    await send(servers.main, one, "no auth", `/webhook_deliveries/${first.data[0].id}`, { auth: false });
    expectNoFailures();
  });

  it("rate-limited calls (--rate-limit) answer 429 with Retry-After and a contract-shaped body on every operation", async () => {
    const limited = await startSimServer({ port: 0, rateLimit: 1 });
    try {
      const ops: Array<[Op, string]> = [
        [operation("GET", "/balance"), "/balance"],
        [operation("GET", "/audit_events"), "/audit_events"],
        [operation("GET", "/detail_records"), "/detail_records?filter[record_type]=messaging"],
        [operation("GET", "/user_tags"), "/user_tags"],
        [operation("GET", "/webhook_deliveries"), "/webhook_deliveries"],
        [operation("GET", "/invoices"), "/invoices"],
      ];
      const first = await fetch(`${limited.baseURL}/balance`, { headers: KEY });
      expect(first.status).toBe(200);
      for (const [o, url] of ops) {
        const res = await fetch(`${limited.baseURL}${url}`, { headers: KEY });
        expect(res.status, url).toBe(429);
        await check(o, "rate limited", res);
      }
    } finally {
      await limited.close();
    }
    expectNoFailures();
  });

  it("the checks catch contract-breaking responses (served through the fault controls)", async () => {
    const s = servers.main;
    const fault = (f: Json) => fetch(`${s.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ times: 1, ...f }) });
    const before = validated;
    const cases: Array<[Op, string, Json]> = [
      [operation("GET", "/balance"), "/balance", { path: "/balance", body: { data: { record_type: "balance", balance: 12.5 } } }],
      [operation("GET", "/invoices"), "/invoices", { path: "/invoices", body: { data: [{ invoice_id: "not-a-uuid", paid: "yes" }], meta: {} } }],
      [operation("GET", "/detail_records"), "/detail_records?filter[record_type]=messaging", { path: "/detail_records", body: { data: [{ record_type: "message_detail_record", parts: "2" }] } }],
      [operation("GET", "/detail_records"), "/detail_records?filter[record_type]=call-control", { path: "/detail_records", body: { data: [{ record_type: "call_control_detail_record" }] } }],
      [operation("GET", "/charges_summary"), "/charges_summary?start_date=2025-05-01&end_date=2025-06-01", { path: "/charges_summary", body: { data: { user_id: "u", start_date: "2025-05-01" } } }],
      [operation("GET", "/charges_summary"), "/charges_summary?start_date=2025-05-01&end_date=2025-06-01", { path: "/charges_summary", status: 400, body: { errors: [{ code: "E1", title: "x" }] } }],
      [operation("GET", "/audit_events"), "/audit_events", { path: "/audit_events", body: { data: [{ change_made_by: "robot" }] } }],
      [operation("GET", "/webhook_deliveries"), "/webhook_deliveries", { path: "/webhook_deliveries", status: 500 }],
      [operation("GET", "/user_tags"), "/user_tags", { path: "/user_tags", status: 404 }],
      [operation("GET", "/balance"), "/balance", { path: "/balance", status: 200, body: "not an object" }],
    ];
    for (const [o, url, f] of cases) {
      expect((await fault(f)).status).toBe(201);
      await send(s, o, `broken ${JSON.stringify(f).slice(0, 60)}`, url);
      expect(failures.length, `${o.method} ${o.template} with ${JSON.stringify(f)} passed the checks`).toBe(1);
      failures.splice(0);
    }
    validated = before; // these were not the simulator's own responses
  });

  it("the account agrees with itself, in contract-valid responses: records ↔ summary lines, audit chain ↔ settings, after a spike and time passing", async () => {
    const s = await startSimServer({ port: 0, seed: 42 });
    try {
      const summaryOp = operation("GET", "/charges_summary");
      const recordsOp = operation("GET", "/detail_records");
      const reconcile = async (start: string, end: string, label: string) => {
        const summary = (await send(s, summaryOp, label, `/charges_summary?start_date=${start}&end_date=${end}`)).data;
        const lines = new Map<string, string[]>();
        for (const l of summary.summary.lines) {
          const t = LINE_RECORD_TYPE.get(l.alias);
          if (t) lines.set(t, [...(lines.get(t) ?? []), l.amount]);
        }
        for (const type of DETAIL_TYPES) {
          if (type === "conference") continue;
          const costs: string[] = [];
          for (let n = 1; ; n++) {
            const page = await send(s, recordsOp, `${label} ${type}`, `/detail_records?filter[record_type]=${type}&filter[created_at][gte]=${start}&filter[created_at][lt]=${end}&page[size]=50&page[number]=${n}`);
            for (const r of page.data) costs.push(r.cost ?? r.verify_usage_fee ?? String(r.data_cost));
            if (n >= page.meta.total_pages) break;
          }
          expect(sumDecimals(costs, 6), `${label} ${type}`).toBe(sumDecimals(lines.get(type) ?? [], 6));
        }
      };
      const [last] = monthRanges(2).slice(1);
      await reconcile(last![0], last![1], "last month");
      // A spike today, then a day passes: the spiked day is rated, its records and lines agree.
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      expect((await fetch(`${s.url}/__sim/state`, { method: "POST", body: JSON.stringify({ spike: { record_type: "wireless", factor: 5 } }) })).status).toBe(200);
      expect((await fetch(`${s.url}/__sim/clock`, { method: "POST", body: JSON.stringify({ advance_s: 86_400 }) })).status).toBe(200);
      await reconcile(today, tomorrow, "spiked day");
      // Every auto-recharge settings change starts where the previous one ended, and the last is today's setting.
      const audit = await send(s, operation("GET", "/audit_events"), "asc", "/audit_events?sort=asc&page[size]=250");
      const rest = [...audit.data];
      for (let n = 2; n <= audit.meta.total_pages; n++) rest.push(...(await send(s, operation("GET", "/audit_events"), `asc ${n}`, `/audit_events?sort=asc&page[size]=250&page[number]=${n}`)).data);
      const state = new Map<string, unknown>();
      for (const e of rest.filter((x) => x.record_type === "auto_recharge_pref"))
        for (const c of e.changes) {
          if (state.has(c.field)) expect(c.from, c.field).toEqual(state.get(c.field));
          state.set(c.field, c.to);
        }
      const prefs = (await send(s, operation("GET", "/payment/auto_recharge_prefs"), "after", "/payment/auto_recharge_prefs")).data;
      expect(state.size).toBeGreaterThan(0);
      for (const [field, value] of state) expect(prefs[field], field).toEqual(value);
    } finally {
      await s.close();
    }
    expectNoFailures();
  });

  it("validated more than 100 responses against the contract's schemas", () => {
    expect(validated).toBeGreaterThan(100);
  });
});
