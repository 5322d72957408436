// Delivery through the outbox to a real SMTP server in this process (smtp-server) and a local
// HTTP receiver: the email carries the figures, the webhook's Standard Webhooks signature
// verifies with the rule's secret and not with another, a failing receiver is retried with
// backoff and each attempt recorded, and a private address is refused at delivery time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, type Db } from "@/lib/db";
import { useTempDatabase } from "@/lib/db/testing";
import { BACKOFF_MS, drainOutbox, enqueue, MAX_ATTEMPTS } from "@/lib/outbox";
import { senders } from "./channels";
import { evaluateRules } from "./evaluate";
import { insertRule, newSecret, storedChannels } from "./store";

useTempDatabase();
const SMTP_PORT = 2525;
const HOOK_PORT = 3180;

const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer = 200;
let hook: http.Server;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, "127.0.0.1", resolve));
  hook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(HOOK_PORT, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

const hookUrl = () => `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
const NOW = Date.parse("2026-11-20T12:00:00Z");
let d: Db;
let clock = NOW;
const send = (deps: Parameters<typeof senders>[0] = { smtpUrl: `smtp://127.0.0.1:${SMTP_PORT}` }) =>
  drainOutbox({ db: d, senders: senders(deps), holder: "test", now: () => clock });

beforeEach(async () => {
  d = await db();
  for (const t of ["alert_rule", "alert_event", "outbox", "outbox_attempt", "ledger_balance"] as const) await d.deleteFrom(t).execute();
  mails.length = 0;
  received.length = 0;
  answer = 200;
  clock = NOW;
  process.env.ALERTS_ALLOW_PRIVATE_URLS = "1";
  await d.insertInto("ledger_balance").values({ at: NOW - 1000, balance: "12.34", available_credit: "12.34", pending: "0", credit_limit: "0", currency: "USD" }).execute();
});
afterEach(() => {
  delete process.env.ALERTS_ALLOW_PRIVATE_URLS;
});

async function fireWith(channels: Parameters<typeof insertRule>[1]["channels"]) {
  const { id } = await insertRule(d, { name: "Low credit", kind: "balance_below", params: { amount: "50.00" }, channels });
  expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]);
  return id;
}

describe("alert channels", () => {
  it("email: arrives at the recipients with the figures in text and HTML", async () => {
    await fireWith([{ type: "email", to: ["finance@example.com", "owner@example.com"] }]);
    expect(await send()).toBe(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(["finance@example.com", "owner@example.com"]);
    expect(mails[0]!.raw).toMatch(/Subject: Alert: Low credit/);
    expect(mails[0]!.raw).toContain("available credit: 12.34");
    expect(mails[0]!.raw).toContain("text/html");
    const row = await d.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.attempts]).toEqual(["sent", 1]);
    expect(mails[0]!.raw.replace(/\r?\n\s+/g, " ")).toContain(`Message-ID: <${row.id}@`);
  });

  it("email without SMTP_URL: the delivery fails with a message saying so, and is retried later", async () => {
    await fireWith([{ type: "email", to: ["finance@example.com"] }]);
    await send({});
    const row = await d.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.last_error]).toEqual(["pending", "Email is not configured: set SMTP_URL on the dashboard's server."]);
  });

  it("webhook: Standard Webhooks headers whose signature verifies with the rule's secret and fails with another", async () => {
    const id = await fireWith([{ type: "webhook", url: hookUrl(), format: "standard" }]);
    await send();
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    const secret = (storedChannels(await d.selectFrom("alert_rule").select("channels").where("id", "=", id).executeTakeFirstOrThrow())[0] as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);
    const h = { "webhook-id": String(headers["webhook-id"]), "webhook-timestamp": String(headers["webhook-timestamp"]), "webhook-signature": String(headers["webhook-signature"]) };
    // The library refuses timestamps more than 5 minutes from its clock; ours was NOW.
    const verify = (s: string) => {
      const realNow = Date.now;
      Date.now = () => NOW;
      try {
        return new Webhook(s).verify(body, h);
      } finally {
        Date.now = realNow;
      }
    };
    expect(verify(secret)).toMatchObject({ type: "alert.fired", data: { rule_id: id, figures: { available_credit: "12.34", amount: "50.00" } } });
    expect(() => verify(newSecret())).toThrow();
  });

  it("slack format: a {\"text\"} body", async () => {
    await fireWith([{ type: "webhook", url: hookUrl(), format: "slack" }]);
    await send();
    const body = JSON.parse(received[0]!.body);
    expect(Object.keys(body)).toEqual(["text"]);
    expect(body.text).toContain("Alert: Low credit");
  });

  it("a failing receiver is retried with backoff, each attempt recorded, until it succeeds or attempts run out", async () => {
    await fireWith([{ type: "webhook", url: hookUrl(), format: "standard" }]);
    answer = 500;
    await send();
    let row = await d.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.attempts, row.last_error, row.next_attempt_at]).toEqual(["pending", 1, "The receiver answered HTTP 500.", NOW + BACKOFF_MS[0]!]);
    expect(await send()).toBe(0); // not due yet
    clock = NOW + BACKOFF_MS[0]!;
    await send();
    answer = 200;
    clock += BACKOFF_MS[1]!;
    await send();
    row = await d.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.attempts, row.last_error]).toEqual(["sent", 3, null]);
    const attempts = await d.selectFrom("outbox_attempt").select(["ok", "error"]).orderBy("id").execute();
    expect(attempts).toEqual([
      { ok: 0, error: "The receiver answered HTTP 500." },
      { ok: 0, error: "The receiver answered HTTP 500." },
      { ok: 1, error: null },
    ]);
    // The same webhook-id on every try, for the receiver to drop repeats.
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
  });

  it("after MAX_ATTEMPTS failures the delivery is failed for good", async () => {
    await fireWith([{ type: "webhook", url: hookUrl(), format: "standard" }]);
    answer = 503;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await send();
      clock += 3 * 3_600_000;
    }
    const row = await d.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.attempts]).toEqual(["failed", MAX_ATTEMPTS]);
    expect(received).toHaveLength(MAX_ATTEMPTS);
  });

  it("a name that now resolves to a private address is refused at delivery time unless allowed", async () => {
    await fireWith([{ type: "webhook", url: "https://hooks.example.com/x", format: "standard" }]);
    delete process.env.ALERTS_ALLOW_PRIVATE_URLS;
    let fetched = 0;
    await send({ resolve: async () => ["10.1.2.3"], fetch: (async () => { fetched++; return new Response(null); }) as typeof fetch });
    const row = await d.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.last_error).toBe("Refused: hooks.example.com is a private, loopback or link-local address.");
    expect(fetched).toBe(0);
  });

  it("a row claimed by an instance that crashed is sent once its lease lapses, and a live claim is never sent twice", async () => {
    const [id] = await enqueue(d, [{ topic: "t", channel: { type: "webhook", url: hookUrl(), format: "standard", secret: newSecret() }, label: "w", message: { subject: "s", text: "t", payload: {} } }], NOW);
    // Another instance claimed it and died before sending.
    await d.updateTable("outbox").set({ lease_holder: "dead", lease_expires_at: NOW + 60_000 }).where("id", "=", id!).execute();
    expect(await send()).toBe(0);
    clock = NOW + 60_001;
    const results = await Promise.all([send(), send()]);
    expect(results.sort()).toEqual([0, 1]);
    expect(received).toHaveLength(1);
  });
});
