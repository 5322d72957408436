// The ledger against the standalone simulator, on SQLite and (when it answers) on Postgres.
import { createHash } from "node:crypto";
import { expect, it, vi } from "vitest";
import { GET as getBalance } from "@/app/api/balance/route";
import { callRoute, useSimUpstream } from "@/lib/api/testing/sim-harness";
import { connect, databaseTarget, db, engine } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { Big } from "@/lib/money";
import { DETAIL_RECORD_TYPES } from "@/lib/telnyx/schemas/detail-records";
import { layoutFor, recordCost, recordTags } from "@/lib/usage/records";
import { CallBudget } from "./budget";
import { addDays, manualClock, utcDay } from "./clock";
import { runOnce, runStream } from "./runner";
import { simDetailRecords, simGet, testConfig } from "./testing";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

// Full syncs against a simulator on a shared machine: give them room.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const { state, sim } = useSimUpstream();
const worker = async (overrides = {}) => ({ db: await db(), engine: engine(), config: testConfig(), ...overrides });

await describeEachEngine("ledger sync", () => {
  it("a full sync keeps every stream; each day's rollup equals the detail records' costs to the cent", async () => {
    const w = await worker();
    const outcomes = await runOnce(w);
    expect(outcomes).toEqual({ balance: "ok", invoices: "ok", charges: "ok", audit_events: "ok", webhook_deliveries: "ok", usage: "ok" });

    const today = utcDay(Date.now());
    let checked = 0;
    for (const type of DETAIL_RECORD_TYPES) {
      for (let day = addDays(today, -3); day <= today; day = addDays(day, 1)) {
        const records = await simDetailRecords(state.server.baseURL, type, day, addDays(day, 1));
        const layout = layoutFor(type, records as never);
        const expected = new Map<string, { count: number; cost: Big }>();
        const expectedTags = new Map<string, { count: number; cost: Big }>();
        for (const r of records) {
          const cost = recordCost(r as never, layout) ?? "0";
          const cur = (r.currency as string) || "USD";
          const e = expected.get(cur) ?? { count: 0, cost: new Big(0) };
          expected.set(cur, { count: e.count + 1, cost: e.cost.plus(cost) });
          const tags = [...new Set(recordTags(r as never, layout))];
          for (const tag of tags.length ? tags : [""]) {
            const t = expectedTags.get(tag) ?? { count: 0, cost: new Big(0) };
            expectedTags.set(tag, { count: t.count + 1, cost: t.cost.plus(cost) });
          }
        }
        const rows = await w.db.selectFrom("ledger_usage_type").selectAll().where("record_type", "=", type).where("day", "=", day).execute();
        expect(rows.map((r) => [r.currency, Number(r.count), new Big(r.cost).toFixed(2)]).sort()).toEqual(
          [...expected].map(([c, e]) => [c, e.count, e.cost.toFixed(2)]).sort(),
        );
        const tagRows = await w.db.selectFrom("ledger_usage_tag").selectAll().where("record_type", "=", type).where("day", "=", day).execute();
        expect(tagRows.map((r) => [r.tag, Number(r.count), new Big(r.cost).toFixed(2)]).sort()).toEqual(
          [...expectedTags].map(([t, e]) => [t, e.count, e.cost.toFixed(2)]).sort(),
        );
        checked += records.length;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 60_000);

  it("every archived invoice's SHA-256 is the simulator's file's", async () => {
    const w = await worker();
    await runStream(w, "invoices");
    const archived = await w.db.selectFrom("ledger_invoice_pdf").select(["invoice_id", "sha256", "size"]).execute();
    // 13 months back, the current one included: the 12 closed months have invoices.
    expect(archived.length).toBe(12);
    for (const a of archived) {
      const link = (await (await simGet(state.server.baseURL, `/invoices/${a.invoice_id}?action=link`)).json()).data.download_url;
      const bytes = new Uint8Array(await (await fetch(link)).arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(a.sha256);
      expect(Number(a.size)).toBe(bytes.byteLength);
    }
    // Archived once: a second run lists again but downloads nothing.
    await fetch(`${state.server.url}/__sim/requests`, { method: "DELETE" });
    expect(await runStream(w, "invoices")).toBe("ok");
    expect((await sim.requests()).map((r) => r.path)).toEqual(["/v2/invoices"]);
  });
});

await describeEachEngine("ledger: charges and retention", () => {
  it("closed months are frozen once invoiced and a few days old: the next run reads only the open ones", async () => {
    const w = await worker();
    await runStream(w, "invoices");
    expect(await runStream(w, "charges")).toBe("ok");
    expect(await sim.count("/charges_summary")).toBe(13);
    expect(await sim.count("/charges_breakdown")).toBe(12);
    const months = await w.db.selectFrom("ledger_charges_month").select(["month", "frozen", "grand_total"]).orderBy("month").execute();
    expect(months.length).toBe(13);
    for (const m of months) expect(m.grand_total).toMatch(/^-?\d+(\.\d+)?$/);
    const open = months.filter((m) => !(m.frozen === true || m.frozen === 1)).length;
    expect(open).toBeGreaterThanOrEqual(1); // the current month at least
    expect(open).toBeLessThanOrEqual(2); // and last month while its invoice is recent
    await fetch(`${state.server.url}/__sim/requests`, { method: "DELETE" });
    await runStream(w, "charges");
    expect(await sim.count("/charges_summary")).toBe(open);
  });

  it("LEDGER_RETENTION_DAYS drops audit events, deliveries and rollups older than it, and keeps the rest", async () => {
    const w = await worker();
    await runStream(w, "audit_events");
    const all = await w.db.selectFrom("ledger_audit_event").select("created_at").execute();
    const cutoff = Date.now() - 30 * 86_400_000;
    const newer = all.filter((e) => e.created_at >= cutoff - 60_000).length;
    expect(all.length).toBeGreaterThan(newer);
    await runStream({ ...w, config: testConfig({ retentionDays: 30 }) }, "audit_events");
    const kept = await w.db.selectFrom("ledger_audit_event").select("created_at").execute();
    expect(kept.every((e) => e.created_at >= cutoff - 60_000)).toBe(true);
    expect(kept.length).toBeGreaterThanOrEqual(newer - 1);
  });
});

await describeEachEngine("ledger: resuming, leases, budget, 429", (eng) => {
  it("a usage sync killed halfway resumes from its cursor without duplicates", async () => {
    const w = await worker();
    const stop = new AbortController();
    let calls = 0;
    const killed = await runStream({ ...w, onCall: () => ++calls === 30 && stop.abort() }, "usage", { signal: stop.signal });
    expect(killed).toBe("stopped");
    const cursor = JSON.parse((await w.db.selectFrom("ledger_stream").select("cursor").where("stream", "=", "usage").executeTakeFirstOrThrow()).cursor!);
    const doneTypes = Object.keys(cursor.types);
    expect(doneTypes.length).toBeGreaterThan(0);
    expect(doneTypes.length).toBeLessThan(DETAIL_RECORD_TYPES.length);
    const partial = await w.db.selectFrom("ledger_usage_type").selectAll().execute();

    await fetch(`${state.server.url}/__sim/requests`, { method: "DELETE" });
    expect(await runStream(w, "usage")).toBe("ok");
    // The resumed run starts where the cursor stopped: types finished before the kill are only
    // re-read for their trailing days, the interrupted one from the day after its last complete day.
    const today = utcDay(Date.now());
    const reads = (await sim.requests()).filter((r) => r.path.endsWith("/detail_records") && r.query["page[size]"] === "50");
    for (const [type, c] of Object.entries(cursor.types as Record<string, { done_through: string }>)) {
      const from = c.done_through === today ? addDays(today, -2) : addDays(c.done_through, 1);
      const days = reads.filter((r) => r.query["filter[record_type]"] === type).map((r) => r.query["filter[created_at][gte]"]!.slice(0, 10));
      expect(days.every((d) => d >= from), `${type} re-read from ${days.sort()[0]}`).toBe(true);
    }
    const rows = await w.db.selectFrom("ledger_usage_type").selectAll().execute();
    const keys = rows.map((r) => `${r.day}|${r.record_type}|${r.currency}`);
    expect(new Set(keys).size).toBe(keys.length);
    // What was kept before the kill is unchanged (same days, same counts and costs).
    for (const p of partial) {
      const now = rows.find((r) => r.day === p.day && r.record_type === p.record_type && r.currency === p.currency)!;
      expect([Number(now.count), new Big(now.cost).toFixed()]).toEqual([Number(p.count), new Big(p.cost).toFixed()]);
    }
  }, 60_000);

  it("a network failure or 5xx is tried again (at most 3 times, each inside the budget); then the run fails with a clear error", async () => {
    const w = await worker();
    await sim.fault({ path: "/balance", status: 503, times: 1 });
    expect(await runStream(w, "balance")).toBe("ok");
    expect(await sim.count("/balance")).toBe(2);
    await sim.fault({ path: "/balance", status: 503, times: 5 });
    expect(await runStream(w, "balance")).toBe("failed");
    expect(await sim.count("/balance")).toBe(5);
    const row = await w.db.selectFrom("ledger_stream").selectAll().where("stream", "=", "balance").executeTakeFirstOrThrow();
    expect(row.last_error).toBe("Telnyx is having problems (HTTP 503). Try again shortly.");
  });

  it("a live lease keeps other instances out; an expired one (a killed instance) is taken over", async () => {
    const w = await worker();
    const now = Date.now();
    await w.db.updateTable("ledger_stream").set({ lease_holder: "dead-instance", lease_expires_at: now + 20_000 }).where("stream", "=", "balance").execute();
    expect(await runStream(w, "balance")).toBe("busy");
    expect(await sim.count("/balance")).toBe(0);
    await w.db.updateTable("ledger_stream").set({ lease_expires_at: now - 1 }).where("stream", "=", "balance").execute();
    expect(await runStream(w, "balance")).toBe("ok");
    expect(await sim.count("/balance")).toBe(1);
  });

  it("the budget holds across instances: 30 concurrent claims with room for 10 get 10", async () => {
    const w = await worker();
    const conn2 = eng === "postgres" ? connect(databaseTarget()) : null;
    const clock = manualClock(Date.now() + 3_600_000); // an hour ahead: earlier tests' calls are out of the window
    const a = new CallBudget(w.db, w.engine, 10, clock);
    const b = new CallBudget(conn2?.db ?? w.db, w.engine, 10, clock);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).tryClaim("test")));
    expect(results.filter((r) => r.ok).length).toBe(10);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.waitMs).toBeGreaterThan(60_000);
    clock.advance(61_001);
    expect((await a.tryClaim("test")).ok).toBe(true);
    await conn2?.db.destroy();
  });

  it("the worker's upstream calls never exceed the budget (real time: 8 a minute, checked over 3 s)", async () => {
    const w = await worker({ config: testConfig({ maxCallsPerMinute: 8 }) });
    await w.db.deleteFrom("ledger_call").execute();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 3_000);
    const started = Date.now();
    await runStream(w, "usage", { signal: stop.signal });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await sim.count()).toBe(8);
  });

  it("a 429 pauses the stream for Telnyx's full Retry-After, and the pages keep working", async () => {
    const w = await worker();
    await sim.fault({ path: "/audit_events", status: 429, retryAfter: 120 });
    const before = Date.now();
    expect(await runStream(w, "audit_events")).toBe("rate_limited");
    const row = await w.db.selectFrom("ledger_stream").selectAll().where("stream", "=", "audit_events").executeTakeFirstOrThrow();
    expect(row.paused_until! - before).toBeGreaterThanOrEqual(120_000);
    expect(row.last_error).toMatch(/waits 120 s/);
    expect(await runStream(w, "audit_events")).toBe("paused");
    expect(await sim.count("/audit_events")).toBe(1);
    const page = await callRoute(getBalance, "/api/balance");
    expect(page.status).toBe(200);
    await w.db.updateTable("ledger_stream").set({ paused_until: null }).where("stream", "=", "audit_events").execute();
  });
});

await describeEachEngine("ledger: two instances", (eng) => {
  it.runIf(eng === "postgres")("two instances on Postgres sync a stream once", async () => {
      await db(); // migrated
      const target = databaseTarget();
      const a = connect(target);
      const b = connect(target);
      const config = testConfig();
      const [ra, rb] = await Promise.all([
        runStream({ db: a.db, engine: "postgres", config }, "usage"),
        runStream({ db: b.db, engine: "postgres", config }, "usage"),
      ]);
      expect([ra, rb].sort()).toEqual(["busy", "ok"]);
      const queries = (await sim.requests()).filter((r) => r.path.endsWith("/detail_records")).map((r) => JSON.stringify(r.query));
      expect(new Set(queries).size).toBe(queries.length);
      await Promise.all([a.db.destroy(), b.db.destroy()]);
  }, 60_000);
});
