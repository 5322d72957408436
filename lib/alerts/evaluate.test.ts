// Evaluation on SQLite and Postgres, against ledger rows written directly: every kind fires once
// on data that crosses it, stays quiet while it holds, notifies again after renotify_hours or at a
// worse budget step, resolves when it clears; two instances evaluating at once record one event.
import { beforeEach, describe, expect, it } from "vitest";
import { connect, databaseTarget, db, type Db } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { addDays, utcDay } from "@/lib/ledger/clock";
import { evaluateRules } from "./evaluate";
import type { RuleInput } from "./schemas";
import { BUILTIN_STALE_ID, ensureBuiltinRules, insertRule, seedDemoRules } from "./store";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const TODAY = utcDay(NOW);
const HOUR = 3_600_000;

async function clear(d: Db) {
  for (const t of ["alert_rule", "alert_event", "outbox", "outbox_attempt", "ledger_balance", "ledger_usage_type", "ledger_usage_tag", "ledger_audit_event", "ledger_webhook_delivery", "ledger_stream"] as const)
    await d.deleteFrom(t).execute();
}

const balance = (d: Db, available: string, at = NOW - 60_000) =>
  d.insertInto("ledger_balance").values({ at, balance: available, available_credit: available, pending: "0", credit_limit: "0", currency: "USD" }).execute();

/** Usage cost per day (one record type, optionally a tag), replacing what the day had. */
async function spend(d: Db, day: string, cost: string, o: { type?: string; tag?: string } = {}) {
  const type = o.type ?? "messaging";
  await d.deleteFrom("ledger_usage_type").where("day", "=", day).where("record_type", "=", type).execute();
  await d.insertInto("ledger_usage_type").values({ day, record_type: type, currency: "USD", count: 1, cost }).execute();
  await d.deleteFrom("ledger_usage_tag").where("day", "=", day).where("record_type", "=", type).execute();
  await d.insertInto("ledger_usage_tag").values({ day, record_type: type, tag: o.tag ?? "", currency: "USD", count: 1, cost }).execute();
}

const rule = (kind: RuleInput["kind"], params: Record<string, unknown>, extra: Partial<RuleInput> = {}): RuleInput => ({
  name: `${kind} rule`,
  kind,
  params,
  channels: [{ type: "log" }],
  ...extra,
});

async function events(d: Db, ruleId: string) {
  return d.selectFrom("alert_event").selectAll().where("rule_id", "=", ruleId).orderBy("at").orderBy("rule_version").execute();
}

await describeEachEngine("alert evaluation", (engine) => {
  let d: Db;
  beforeEach(async () => {
    d = await db();
    await clear(d);
  });

  it("balance_below: fires once with the figures, not again while it holds, resolves when it clears", async () => {
    const { id } = await insertRule(d, rule("balance_below", { amount: "50.00" }));
    await balance(d, "40.00");
    expect(await evaluateRules(d, { now: NOW })).toEqual({ fired: [id], resolved: [] });
    expect(await evaluateRules(d, { now: NOW + HOUR })).toEqual({ fired: [], resolved: [] });
    const [fired] = await events(d, id);
    expect(JSON.parse(fired!.figures)).toMatchObject({ available_credit: "40.00", amount: "50.00", currency: "USD" });
    const outbox = await d.selectFrom("outbox").selectAll().where("ref", "=", fired!.id).execute();
    expect(outbox.map((o) => [o.channel_label, o.status])).toEqual([["log", "pending"]]);

    await balance(d, "75.00", NOW + 2 * HOUR);
    expect(await evaluateRules(d, { now: NOW + 2 * HOUR + 1 })).toEqual({ fired: [], resolved: [id] });
    expect((await events(d, id)).map((e) => e.type)).toEqual(["fired", "resolved"]);
    await balance(d, "10.00", NOW + 3 * HOUR);
    expect((await evaluateRules(d, { now: NOW + 3 * HOUR + 1 })).fired).toEqual([id]);
  });

  it("renotify_hours: a condition that still holds notifies again once that long has passed", async () => {
    const { id } = await insertRule(d, rule("balance_below", { amount: "50.00" }, { renotify_hours: 2 }));
    await balance(d, "1.00");
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]);
    expect((await evaluateRules(d, { now: NOW + HOUR })).fired).toEqual([]);
    expect((await evaluateRules(d, { now: NOW + 2 * HOUR })).fired).toEqual([id]);
    const all = await events(d, id);
    expect(all.map((e) => JSON.parse(e.figures).reminder ?? false)).toEqual([false, true]);
  });

  it("runway_below: available credit over the trailing 7 days' spend", async () => {
    const { id } = await insertRule(d, rule("runway_below", { days: 10 }));
    await balance(d, "100.00");
    for (let i = 1; i <= 7; i++) await spend(d, addDays(TODAY, -i), "20.00"); // 5 days of credit
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]);
    expect(JSON.parse((await events(d, id))[0]!.figures)).toMatchObject({ daily_spend: "20.00", runway_days: "5.0", days: 10 });
    await balance(d, "1000.00", NOW);
    expect((await evaluateRules(d, { now: NOW + 1 })).resolved).toEqual([id]);
  });

  it("budget: 50%, 80% and 100% of the month's spend each notify once; the forecast too; a new month resolves", async () => {
    const { id } = await insertRule(d, rule("budget", { amount: "100.00", forecast: true, tag: "support" }));
    await spend(d, "2026-11-01", "10.00", { tag: "support" });
    await spend(d, "2026-11-02", "30.00", { tag: "other" }); // another tag: not counted
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    // 7 trailing days of 2.00 → 20.00 so far + 2.00 × 10 days left = 40.00: under the budget.
    for (let i = 1; i <= 7; i++) await spend(d, addDays(TODAY, -i), "2.00", { tag: "support" });
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    await spend(d, TODAY, "15.00", { tag: "support" }); // 39.00 so far, forecast 39 + 20 … still under
    for (let i = 1; i <= 7; i++) await spend(d, addDays(TODAY, -i), "6.00", { tag: "support" }); // 67.00, forecast 127.00
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]); // 50% (67%)
    await spend(d, TODAY, "30.00", { tag: "support" }); // 82.00: 80%
    expect((await evaluateRules(d, { now: NOW + 1 })).fired).toEqual([id]);
    expect((await evaluateRules(d, { now: NOW + 2 })).fired).toEqual([]);
    await spend(d, TODAY, "60.00", { tag: "support" }); // 112.00: 100%
    expect((await evaluateRules(d, { now: NOW + 3 })).fired).toEqual([id]);
    const figures = (await events(d, id)).map((e) => JSON.parse(e.figures));
    expect(figures.map((f) => f.threshold)).toEqual(["50%", "80%", "100%"]);
    expect(figures[2]).toMatchObject({ spent: "112.00", amount: "100.00", percent: "112.0", tag: "support" });
    expect((await evaluateRules(d, { now: Date.parse("2026-12-01T01:00:00Z") })).resolved).toEqual([id]);
  });

  it("budget with forecast only: fires when spend so far plus trailing spend × days left passes it", async () => {
    const { id } = await insertRule(d, rule("budget", { amount: "100.00", forecast: true }));
    for (let i = 1; i <= 7; i++) await spend(d, addDays(TODAY, -i), "5.00"); // 35.00 so far, + 5 × 10 = 85.00
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    for (let i = 1; i <= 7; i++) await spend(d, addDays(TODAY, -i), "6.00"); // 42.00 + 60.00 = 102.00
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]);
    expect(JSON.parse((await events(d, id))[0]!.figures)).toMatchObject({ threshold: "forecast", forecast: "102.00", spent: "42.00" });
  });

  it("anomaly: a day above factor × the 14-day median fires, unless under the minimum amount; per record type", async () => {
    const { id } = await insertRule(d, rule("anomaly", { factor: "3", min_amount: "5.00", record_type: "sip-trunking" }));
    for (let i = 1; i <= 14; i++) await spend(d, addDays(TODAY, -i), "1.00", { type: "sip-trunking" });
    await spend(d, TODAY, "4.00", { type: "sip-trunking" }); // 4× the median but under 5.00
    await spend(d, TODAY, "50.00", { type: "messaging" }); // another type
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    await spend(d, TODAY, "6.00", { type: "sip-trunking" });
    expect((await evaluateRules(d, { now: NOW + 1 })).fired).toEqual([id]);
    expect(JSON.parse((await events(d, id))[0]!.figures)).toMatchObject({ day: TODAY, spend: "6.00", median: "1.00", factor: "3" });
  });

  it("auto_recharge_frequency: more than N auto-recharges in 24 hours", async () => {
    const { id } = await insertRule(d, rule("auto_recharge_frequency", { count: 2 }));
    const recharge = (n: number, at: number) =>
      d
        .insertInto("ledger_audit_event")
        .values({ id: `ar-${n}`, created_at: at, record_type: "payment", resource_id: null, change_type: "create", search_text: "", body: JSON.stringify({ changes: [{ field: "amount", to: "50.00" }, { field: "auto_recharge", to: true }] }) })
        .execute();
    await recharge(1, NOW - 30 * HOUR); // outside the 24 hours
    await recharge(2, NOW - 3 * HOUR);
    await recharge(3, NOW - 2 * HOUR);
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    await recharge(4, NOW - HOUR);
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]);
    expect(JSON.parse((await events(d, id))[0]!.figures)).toMatchObject({ recharges_24h: 3, count: 2 });
  });

  it("webhook_failure_rate: per target URL over the window", async () => {
    const { id } = await insertRule(d, rule("webhook_failure_rate", { percent: 50, window_minutes: 60 }));
    const delivery = (n: number, url: string, status: string, at = NOW - 10 * 60_000) =>
      d.insertInto("ledger_webhook_delivery").values({ id: `wd-${n}`, started_at: at, finished_at: at, status, event_type: "x", url, attempt_count: 1, body: "{}", search_text: "" }).execute();
    await delivery(1, "https://a.example/hook", "failed");
    await delivery(2, "https://a.example/hook", "delivered");
    await delivery(3, "https://b.example/hook", "delivered");
    await delivery(4, "https://a.example/hook", "failed", NOW - 2 * HOUR); // outside the window
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]); // 50% is not above 50%
    await delivery(5, "https://a.example/hook", "failed");
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([id]);
    expect(JSON.parse((await events(d, id))[0]!.figures).urls).toEqual([{ url: "https://a.example/hook", total: 3, failed: 2, failure_percent: "66.7" }]);
  });

  it("the built-in rule: a stream not synced for 2 hours fires; syncing again resolves it", async () => {
    await d.insertInto("ledger_stream").values({ stream: "balance", last_success_at: NOW - HOUR }).execute();
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    expect((await evaluateRules(d, { now: NOW + 2 * HOUR })).fired).toEqual([BUILTIN_STALE_ID]);
    const [e] = await events(d, BUILTIN_STALE_ID);
    expect(JSON.parse(e!.figures).streams).toEqual([expect.objectContaining({ stream: "balance" })]);
    await d.updateTable("ledger_stream").set({ last_success_at: NOW + 2 * HOUR }).execute();
    expect((await evaluateRules(d, { now: NOW + 2 * HOUR + 1 })).resolved).toEqual([BUILTIN_STALE_ID]);
  });

  it("a muted rule is not evaluated until its mute ends", async () => {
    const { id } = await insertRule(d, rule("balance_below", { amount: "50.00" }, { muted_until: new Date(NOW + HOUR).toISOString() }));
    await balance(d, "1.00");
    expect((await evaluateRules(d, { now: NOW })).fired).toEqual([]);
    expect((await evaluateRules(d, { now: NOW + HOUR + 1 })).fired).toEqual([id]);
  });

  it("a fresh demo database gets a budget that the month's spend crosses, sent to the log; only once", async () => {
    // As at startup (instrumentation.ts): the built-in rule first, then the demo's.
    await ensureBuiltinRules(d, NOW);
    expect(await seedDemoRules(d, NOW)).toBe(true);
    expect(await seedDemoRules(d, NOW)).toBe(false);
    for (let i = 0; i < 5; i++) await spend(d, addDays(TODAY, -i), "3.00");
    const { fired } = await evaluateRules(d, { now: NOW });
    const demo = await d.selectFrom("alert_rule").selectAll().where("kind", "=", "budget").executeTakeFirstOrThrow();
    expect(fired).toEqual([demo.id]);
    expect(await d.selectFrom("outbox").select("channel_label").execute()).toEqual([{ channel_label: "log" }]);
  });

  describe("two instances", () => {
    it("evaluating at once record one event and queue one message per channel", async () => {
      const { id } = await insertRule(d, rule("balance_below", { amount: "50.00" }, { channels: [{ type: "log" }, { type: "email", to: ["a@example.com"] }] }));
      await balance(d, "1.00");
      // Postgres: separate pools, as separate instances have. SQLite: calls interleaving on one
      // connection (better-sqlite3 blocks its thread while waiting for a lock, so several
      // connections in one process would only wait for each other; instances are processes).
      const others = engine === "postgres" ? Array.from({ length: 3 }, () => connect(databaseTarget(process.env.DATABASE_URL))) : [];
      const dbs = engine === "postgres" ? [d, ...others.map((o) => o.db)] : [d, d, d, d];
      try {
        const results = await Promise.all(dbs.map((x) => evaluateRules(x, { now: NOW })));
        expect(results.flatMap((r) => r.fired)).toEqual([id]);
      } finally {
        await Promise.all(others.map((o) => o.db.destroy()));
      }
      const all = await events(d, id);
      expect(all).toHaveLength(1);
      expect(await d.selectFrom("outbox").select("channel_label").where("ref", "=", all[0]!.id).execute()).toHaveLength(2);
    });
  });
});
