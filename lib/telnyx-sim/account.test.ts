// The simulated account agrees with itself: detail records ↔ charges summary, the auto-recharge
// audit chain ↔ today's settings, the balance ↔ rated charges and recharges, unique ids.
import Big from "big.js";
import { describe, expect, it } from "vitest";
import { computeSummary } from "./data/charges";
import { generateDetailRecord } from "./data/detail-records";
import { generateAuditEvent } from "./data/audit";
import { deliveryId } from "./data/webhooks";
import { KINDS, LINE_RECORD_TYPE, dayNumber, dayTargets, planDay, rollupOf, rollupOfPlan } from "./data/usage";
import { DETAIL_TYPES, buildWorld, type DetailType } from "./data/world";
import { createSimulator } from "./index";
import { Store } from "./store";
import { TEST_NOW, allPages, call, sumDecimals, testSim } from "./test-helpers";

/** The cost a record carries, whatever its schema calls it (conference records carry none). */
function recordCost(r: any): string | null {
  if (typeof r.cost === "string") return r.cost;
  if (typeof r.verify_usage_fee === "string") return r.verify_usage_fee;
  if (typeof r.data_cost === "number") return String(r.data_cost);
  return null;
}

async function recordsBetween(sim: ReturnType<typeof testSim>, type: DetailType, from: string, to: string): Promise<any[]> {
  return (await allPages(sim, `/detail_records?filter[record_type]=${type}&filter[created_at][gte]=${from}&filter[created_at][lt]=${to}`, 50)).items;
}

function linesByType(summary: any): Map<DetailType, string> {
  const out = new Map<DetailType, string>();
  for (const l of summary.summary.lines) {
    const type = LINE_RECORD_TYPE.get(l.alias);
    if (type) out.set(type, sumDecimals([out.get(type) ?? "0.00", l.amount]));
  }
  return out;
}

describe("detail records add up to the charges summary's usage lines", () => {
  it("per record type, to the cent: a closed month, and this month up to the last day that ended", async () => {
    const sim = testSim();
    const cases: Array<[string, string, string, string]> = [
      // [summary start, summary end, records from, records before]
      ["2025-05-01", "2025-06-01", "2025-05-01T00:00:00Z", "2025-06-01T00:00:00Z"],
      ["2025-04-01", "2025-05-01", "2025-04-01T00:00:00Z", "2025-05-01T00:00:00Z"],
      // TEST_NOW is 2025-06-15T12:34:56Z: June 1-14 are rated; today's records are the late-rated share.
      ["2025-06-01", "2025-07-01", "2025-06-01T00:00:00Z", "2025-06-15T00:00:00Z"],
    ];
    for (const [start, end, from, to] of cases) {
      const summary = (await call(sim, `/charges_summary?start_date=${start}&end_date=${end}`)).body.data;
      const lines = linesByType(summary);
      for (const type of DETAIL_TYPES) {
        if (type === "conference") continue; // conference records carry no cost; their legs do
        const records = await recordsBetween(sim, type, from, to);
        const exact = sumDecimals(records.map((r) => recordCost(r)!), 6);
        expect(new Big(exact).toFixed(6), `${type} ${start}`).toBe(new Big(lines.get(type) ?? "0").toFixed(6));
        expect(records.length, `${type} ${start}`).toBeGreaterThan(0);
      }
    }
    // The records of today exist already and are not in the summary yet.
    const today = await recordsBetween(sim, "messaging", "2025-06-15T00:00:00Z", "2025-06-16T00:00:00Z");
    expect(today.length).toBeGreaterThan(0);
  });

  it("voice lines have their call records: conference-participant legs at each line's rate", async () => {
    const sim = testSim();
    const summary = (await call(sim, "/charges_summary?start_date=2025-05-01&end_date=2025-06-01")).body.data;
    const legs = await recordsBetween(sim, "conference-participant", "2025-05-01T00:00:00Z", "2025-06-01T00:00:00Z");
    const byRate = new Map<string, string[]>();
    for (const r of legs) byRate.set(r.rate, [...(byRate.get(r.rate) ?? []), r.cost]);
    const rates: Record<string, string> = { voice_outbound: "0.0070", voice_inbound: "0.0035", tollfree_inbound: "0.0130", conference: "0.0020" };
    for (const [alias, rate] of Object.entries(rates)) {
      const line = summary.summary.lines.find((l: any) => l.alias === alias);
      expect(line, alias).toBeDefined();
      expect(new Big(sumDecimals(byRate.get(rate) ?? [], 4)).toFixed(2), alias).toBe(line.amount);
    }
    const inbound = legs.filter((r) => r.rate === "0.0035");
    expect(inbound.every((r) => r.billed_sec % 60 === 0 && r.call_sec <= r.billed_sec && r.destination_number.startsWith("+1"))).toBe(true);
  });

  it("a day's planned records add up to the day's unit targets (what the summary rates)", () => {
    const w = buildWorld(42, "small", TEST_NOW);
    for (const type of DETAIL_TYPES)
      for (let d = dayNumber(TEST_NOW) - 40; d < dayNumber(TEST_NOW); d += 3) {
        expect(rollupOfPlan(type, planDay(w, type, d))).toEqual(rollupOf(type, dayTargets(w, type, d)));
        for (const [, t] of rollupOf(type, dayTargets(w, type, d))) expect(t.micros % 10_000, `${type} ${d}`).toBe(0);
      }
    expect(Object.keys(KINDS).sort()).toEqual([...DETAIL_TYPES].sort());
  });
});

describe("the balance moves with the account", () => {
  it("a month's daily debits add up to its summary's grand total", () => {
    const store = new Store(42, "small", TEST_NOW);
    for (const [start, end] of [["2025-05-01", "2025-06-01"], ["2025-02-01", "2025-03-01"]] as const) {
      let cents = 0;
      for (let d = dayNumber(new Date(start)); d < dayNumber(new Date(end)); d++) cents += store.charges.dayCents(d);
      const s = computeSummary(store.world, store.numbers, store.adjustments, store.usage, { start: new Date(start), end: new Date(end), now: TEST_NOW });
      expect(cents, start).toBe(s.cents.grandTotal);
    }
  });

  it("falls by each day's rated charges as time passes, and auto-recharge fires below the threshold", async () => {
    const sim = createSimulator({ now: () => TEST_NOW });
    const prefs = (await call(sim, "/payment/auto_recharge_prefs")).body.data;
    expect(prefs.enabled).toBe(true);
    // Well above the threshold: a day passes, the balance falls by June 15's charges exactly.
    sim.setState({ balanceCents: 1_000_000 });
    sim.advanceClock(86_400);
    const day = (await call(sim, "/charges_summary?start_date=2025-06-15&end_date=2025-06-16")).body.data.total;
    const debit = new Big(day.grand_total).minus(day.existing_mrc);
    expect(debit.gt(0)).toBe(true);
    expect((await call(sim, "/balance")).body.data.balance).toBe(new Big("10000.00").minus(debit).toFixed(2));
    // Below the threshold: when the next day is rated, a recharge tops it up to threshold + recharge.
    sim.setState({ balanceCents: 0 });
    let payment: any;
    for (let k = 0; k < 5 && !payment; k++) {
      sim.advanceClock(86_400);
      payment = (await call(sim, "/audit_events?page[size]=5")).body.data.find((e: any) => e.record_type === "payment");
    }
    const balance = (await call(sim, "/balance")).body.data.balance;
    expect(balance).toBe(new Big(prefs.threshold_amount).plus(prefs.recharge_amount).toFixed(2));
    expect(payment).toMatchObject({ change_made_by: "telnyx", change_type: "create" });
    const change = Object.fromEntries(payment.changes.map((c: any) => [c.field, c]));
    expect(change.auto_recharge.to).toBe(true);
    expect(new Big(change.balance.from).lt(prefs.threshold_amount)).toBe(true);
    expect(change.balance.to).toBe(balance);
    expect(new Big(change.balance.from).plus(change.amount.to).toFixed(2)).toBe(balance);
  });

  it("auto-recharge does not fire when it is off", async () => {
    const sim = testSim();
    await call(sim, "/payment/auto_recharge_prefs", { method: "PATCH", body: JSON.stringify({ enabled: false }) });
    sim.setState({ balanceCents: 100 });
    sim.advanceClock(3 * 86_400);
    const days = (await call(sim, "/charges_summary?start_date=2025-06-15&end_date=2025-06-18")).body.data.total;
    const debit = new Big(days.grand_total).minus(days.existing_mrc);
    expect((await call(sim, "/balance")).body.data.balance).toBe(new Big("1.00").minus(debit).toFixed(2));
    const events = (await call(sim, "/audit_events?filter[created_after]=2025-06-15T12:00:00Z")).body.data;
    expect(events.filter((e: any) => e.record_type === "payment")).toEqual([]);
  });
});

describe("the audit log tells one story", () => {
  for (const seed of [42, 7, 43]) {
    it(`seed ${seed}: auto-recharge changes chain from one to the next and end at today's settings; recharges top up to threshold + recharge`, async () => {
      const sim = testSim({ seed });
      const check = async () => {
        const events = (await allPages(sim, "/audit_events?sort=asc", 250)).items;
        const prefsEvents = events.filter((e) => e.record_type === "auto_recharge_pref");
        expect(prefsEvents.length).toBeGreaterThanOrEqual(3);
        const state = new Map<string, unknown>();
        for (const e of prefsEvents)
          for (const c of e.changes) {
            if (state.has(c.field)) expect(c.from, `${e.created_at} ${c.field}`).toEqual(state.get(c.field));
            expect(c.to).not.toEqual(c.from);
            state.set(c.field, c.to);
          }
        const current = (await call(sim, "/payment/auto_recharge_prefs")).body.data;
        for (const [field, value] of state) expect(current[field], field).toEqual(value);
        // Each auto-recharge leaves the balance at threshold + recharge as they stood then.
        let threshold: string | undefined;
        let recharge: string | undefined;
        // Before the first change of a field, it held that change's `from` (or today's value if it never changed).
        const initial = (field: string) =>
          prefsEvents.flatMap((e) => e.changes).find((c: any) => c.field === field)?.from ?? current[field];
        threshold = initial("threshold_amount");
        recharge = initial("recharge_amount");
        for (const e of events) {
          if (e.record_type === "auto_recharge_pref")
            for (const c of e.changes) {
              if (c.field === "threshold_amount") threshold = c.to;
              if (c.field === "recharge_amount") recharge = c.to;
            }
          if (e.record_type === "payment" && e.changes.some((c: any) => c.field === "auto_recharge")) {
            const to = e.changes.find((c: any) => c.field === "balance").to;
            expect(to, e.created_at).toBe(new Big(threshold!).plus(recharge!).toFixed(2));
          }
        }
        return prefsEvents.length;
      };
      const before = await check();
      await call(sim, "/payment/auto_recharge_prefs", { method: "PATCH", body: JSON.stringify({ threshold_amount: "333.00" }) });
      expect(await check()).toBe(before + 1);
    });
  }

  it("the demo's prepaid account (seed 42) was topped up during its year: auto-recharges and a payment in the portal", async () => {
    const sim = testSim({ seed: 42 });
    const events = (await allPages(sim, "/audit_events?sort=asc", 250)).items;
    const payments = events.filter((e) => e.record_type === "payment");
    const auto = payments.filter((e) => e.changes.some((c: any) => c.field === "auto_recharge"));
    expect(auto.length).toBeGreaterThanOrEqual(3);
    expect(payments.length - auto.length).toBeGreaterThanOrEqual(1);
    // Each payment's balance step is its amount, and no balance is ever below zero after a top-up.
    for (const p of payments) {
      const amount = p.changes.find((c: any) => c.field === "amount").to;
      const step = p.changes.find((c: any) => c.field === "balance");
      expect(new Big(step.to).minus(step.from).toFixed(2), p.created_at).toBe(amount);
      expect(new Big(step.to).gte(0), p.created_at).toBe(true);
    }
  });

  it("a credit line pays its invoices by ACH, and its balance stays within the credit limit", async () => {
    const sim = testSim({ seed: 7 });
    const balance = (await call(sim, "/balance")).body.data;
    expect(Number(balance.balance)).toBeLessThan(0);
    expect(Number(balance.available_credit)).toBeGreaterThan(0);
    const payments = (await allPages(sim, "/audit_events", 250)).items.filter((e) => e.record_type === "payment");
    expect(payments.length).toBeGreaterThan(5);
    expect(payments.every((e) => e.change_made_by === "account_owner")).toBe(true);
  });
});

describe("ids are unique at every scale", () => {
  it("100,000 messaging records, 50,000 audit events, 20,000 deliveries at --scale large", () => {
    const store = new Store(42, "large", TEST_NOW);
    const tl = store.detailTl("messaging");
    expect(tl.count).toBeGreaterThan(90_000);
    const ids = new Set<string>();
    for (let i = 0; i < tl.count; i++) ids.add(generateDetailRecord(store.world, store.numbers, "messaging", store.usage, tl, i).uuid as string);
    expect(ids.size).toBe(tl.count);
    const audit = new Set<string>();
    for (let i = 0; i < store.auditTl.count; i++) audit.add(generateAuditEvent(store.world, store.numbers, store.auditTl, i).id);
    for (const e of store.accountAudit) audit.add(e.id);
    expect(audit.size).toBe(store.auditTl.count + store.accountAudit.length);
    const deliveries = new Set<string>();
    for (let i = 0; i < store.webhookTl.count; i++) deliveries.add(deliveryId(store.world, i));
    expect(deliveries.size).toBe(store.webhookTl.count);
  });
});
