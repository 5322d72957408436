// The reconciliation's rules on a hand-made month: exact checks, the usage tolerance (0.5 % or
// $1.00, whichever is larger), a late-rated last day, top-ups against the balance, a missing invoice.
import { describe, expect, it } from "vitest";
import type { TopUp } from "@/lib/billing/topups";
import type { ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { focusRows } from "./focus";
import { lineFamily, lineRecordType } from "./lines";
import { monthBounds, type MonthData } from "./month";
import { reconcile, usageTolerance } from "./reconcile";
import { Big } from "@/lib/money";

const summary = (smsAmount = "300.00"): ChargesSummary => ({
  user_id: "u1",
  user_email: "billing@example.com",
  currency: "USD",
  start_date: "2026-10-01",
  end_date: "2026-11-01",
  summary: {
    lines: [
      { type: "comparative", name: "Local DIDs", alias: "local_did", new_this_month: { quantity: 1, mrc: "1.00", otc: "0.50" }, existing_this_month: { quantity: 2, mrc: "2.00" } },
      { type: "simple", name: "Outbound SMS", alias: "sms_outbound", quantity: 1000, amount: smsAmount },
      { type: "simple", name: "Outbound Voice Minutes", alias: "voice_outbound", quantity: 10, amount: "0.70" },
      { type: "simple", name: "10DLC Campaign Fees", alias: "10dlc_campaign", quantity: 1, amount: "15.00" },
    ],
    adjustments: [
      { amount: "-5.00", description: "Goodwill credit", event_date: "2026-10-09" },
      { amount: "2.25", description: "Regulatory cost recovery", event_date: "2026-10-20" },
    ],
  },
  total: {
    new_mrc: "1.00",
    new_otc: "0.50",
    existing_mrc: "2.00",
    other: new Big(smsAmount).plus("15.70").toFixed(2),
    credits: "-5.00",
    ledger_adjustments: "2.25",
    grand_total: new Big(smsAmount).plus("16.45").toFixed(2),
  },
});

const topUp = (over: Partial<TopUp>): TopUp => ({
  at: "2026-10-05T00:00:01.000Z",
  amount: "100.00",
  currency: "USD",
  kind: "auto_recharge",
  who: "Auto-recharge",
  method: null,
  payment_id: "p",
  audit_event_id: "e",
  balance_before: "10.00",
  balance_after: "110.00",
  seen_in: "audit_log",
  ...over,
});

function month(over: Partial<MonthData> = {}): MonthData {
  const usage = (cost: string, date = "2026-10-31") => ({ date, key: "messaging", count: 10, cost, currency: "USD" });
  return {
    bounds: monthBounds("2026-10"),
    currency: "USD",
    summary: summary(),
    breakdown: {
      user_id: "u1",
      user_email: "billing@example.com",
      currency: "USD",
      start_date: "2026-10-01",
      end_date: "2026-11-01",
      results: [
        { tn: "+1", charge_type: "local", service_owner_user_id: "o", service_owner_email: "o@x", services: [{ cost_type: "MRC", name: "Local DIDs", cost: "1.00" }, { cost_type: "OTC", name: "Local DIDs", cost: "0.50" }] },
        { tn: "+2", charge_type: "local", service_owner_user_id: "o", service_owner_email: "o@x", services: [{ cost_type: "MRC", name: "Local DIDs", cost: "2.00" }] },
      ],
    },
    charges_fetched_at: "2026-11-02T00:00:00.000Z",
    usageByDay: [usage("150.00", "2026-10-30"), usage("150.00"), { date: "2026-10-12", key: "conference-participant", count: 3, cost: "0.70", currency: "USD" }],
    usageByTag: [],
    tagsByType: { messaging: ["billing", "support"] },
    invoice: { id: "inv", period_start: "2026-10-01", period_end: "2026-10-31", paid: true },
    pdf: { bytes: new Uint8Array([37]), sha256: "abc" },
    audit: [],
    topUps: [topUp({})],
    balances: [],
    missing: [],
    ...over,
  };
}

const byId = (d: MonthData) => Object.fromEntries(reconcile(d).checks.map((c) => [c.id, c]));

describe("reconcile", () => {
  it("a consistent month: every check ok, figures to the cent, fees listed but not compared", () => {
    const r = reconcile(month());
    expect(r.status).toBe("ok");
    expect(r.checks.filter((c) => c.verdict !== "ok")).toEqual([]);
    const c = byId(month());
    expect(c["summary.grand_total"]).toMatchObject({ a: "316.45", b: "316.45", difference: "0.00" });
    expect(c["breakdown.otc"]).toMatchObject({ a: "0.50", b: "0.50" });
    expect(c["usage.messaging"]).toMatchObject({ a: "300.00", b: "300.00", tolerance: "1.50" });
    expect(c["usage.fees"]!.lines.map((l) => l.item)).toEqual(["10DLC Campaign Fees"]);
  });

  it("the usage tolerance is 0.5 % or $1.00, whichever is larger; a late-rated last day inside it passes, beyond it fails with its lines", () => {
    expect(usageTolerance(new Big("100")).toFixed(2)).toBe("1.00");
    expect(usageTolerance(new Big("1000")).toFixed(2)).toBe("5.00");
    const late = month({ usageByDay: [...month().usageByDay.slice(0, 1), { date: "2026-10-31", key: "messaging", count: 9, cost: "148.60", currency: "USD" }, month().usageByDay[2]!] });
    expect(byId(late)["usage.messaging"]).toMatchObject({ verdict: "ok", difference: "1.40", tolerance: "1.50" });
    const short = month({ usageByDay: [month().usageByDay[0]!, month().usageByDay[2]!] });
    const failed = byId(short)["usage.messaging"]!;
    expect(failed).toMatchObject({ verdict: "difference", a: "300.00", b: "150.00", difference: "150.00" });
    expect(failed.lines.map((l) => l.item)).toEqual(["Summary line: Outbound SMS", "Ledger rollups (1 days)"]);
    // Everything else is exact: one cent off the breakdown is a difference.
    const cent = month();
    cent.breakdown!.results[1]!.services[0]!.cost = "2.01";
    expect(byId(cent)["breakdown.mrc"]).toMatchObject({ verdict: "difference", difference: "0.01" });
    expect(byId(cent)["breakdown.mrc"]!.lines[0]).toMatchObject({ item: "Local DIDs", verdict: "difference" });
  });

  it("totals that do not add up, a missing invoice, a wrong period, and top-ups that do not match the balance", () => {
    const s = summary();
    s.total.other = "315.00";
    expect(byId(month({ summary: s }))["summary.other"]).toMatchObject({ verdict: "difference", difference: "-0.70" });
    expect(byId(month({ invoice: null })).invoice).toMatchObject({ verdict: "difference" });
    expect(byId(month({ invoice: { id: "i", period_start: "2026-10-01", period_end: "2026-10-15", paid: true } })).invoice!.verdict).toBe("difference");
    const topups = byId(
      month({
        topUps: [topUp({ balance_after: "100.00" }), topUp({ kind: "dashboard", who: "ana@example.com", seen_in: "action_log", balance_before: null, balance_after: null, amount: "20.00" })],
        balances: [
          { at: Date.parse("2026-10-10T00:00:00Z"), balance: "50.00" },
          { at: Date.parse("2026-10-11T00:00:00Z"), balance: "80.00" },
        ],
      }),
    ).topups!;
    expect(topups.verdict).toBe("difference");
    expect(topups.lines.filter((l) => l.verdict === "difference").map((l) => l.item)).toEqual([
      "2026-10-05 00:00 Auto-recharge: balance step-up",
      "2026-10-05 00:00 ana@example.com: not in Telnyx's audit log",
      "Balance snapshots 2026-10-10T00:00:00.000Z → 2026-10-11T00:00:00.000Z: rise without a top-up",
    ]);
  });

  it("an incomplete ledger makes the status incomplete whatever the checks say", () => {
    expect(reconcile(month({ missing: ["usage"] }))).toMatchObject({ status: "incomplete", missing: ["usage"] });
  });
});

describe("lines and FOCUS rows", () => {
  it("maps lines to record types and families, by alias or by name", () => {
    expect(lineRecordType({ alias: "sms_outbound", name: "" })).toBe("messaging");
    expect(lineRecordType({ alias: "x_new", name: "Outbound Voice Minutes (intl)" })).toBe("conference-participant");
    expect(lineRecordType({ alias: "10dlc_campaign", name: "10DLC Campaign Fees" })).toBeNull();
    expect(summary().summary.lines.map(lineFamily)).toEqual(["numbers", "messaging", "voice", "messaging"]);
  });

  it("one row per line and adjustment; credits are Credit rows; BilledCost sums to the grand total", () => {
    const d = month();
    const rows = focusRows({ bounds: d.bounds, summary: d.summary!, invoiceId: "inv", tagsByType: d.tagsByType });
    expect(rows.map((r) => [r.ChargeCategory, r.ChargeFrequency, r.ServiceCategory, r.BilledCost])).toEqual([
      ["Purchase", "Recurring", "Networking", "3.50"],
      ["Usage", "Usage-Based", "Mobile", "300.00"],
      ["Usage", "Usage-Based", "Networking", "0.70"],
      ["Purchase", "Recurring", "Mobile", "15.00"],
      ["Credit", "One-Time", "Other", "-5.00"],
      ["Adjustment", "One-Time", "Other", "2.25"],
    ]);
    expect(rows.reduce((s, r) => s.plus(r.BilledCost), new Big(0)).toFixed(2)).toBe(d.summary!.total.grand_total);
    expect(rows[1]).toMatchObject({ x_Tags: '["billing","support"]', ConsumedQuantity: "1000", PricingUnit: "Messages", InvoiceId: "inv" });
    expect(rows[4]).toMatchObject({ ChargePeriodStart: "2026-10-09T00:00:00Z", ChargePeriodEnd: "2026-10-10T00:00:00Z", PricingQuantity: "", PricingUnit: "" });
  });
});
