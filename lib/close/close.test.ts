// The month close against the simulator's last closed month (seeded with several tags, a credit and
// a ledger adjustment), through the real routes: incomplete → 409, reconciliation, the pack and its
// manifest, FOCUS, cost by tag, a planted difference, closing and the post-close freeze.
import { expect, it, vi } from "vitest";
import { GET as getCostsByTag } from "@/app/api/costs/by-tag/route";
import { GET as getFocus } from "@/app/api/exports/focus/route";
import { GET as getDailySpend } from "@/app/api/history/daily-spend/route";
import { GET as getPack } from "@/app/api/month-close/[file]/route";
import { GET as listCloses, POST as closeMonth } from "@/app/api/month-close/route";
import { GET as getPayments } from "@/app/api/payments/route";
import { GET as getReconciliation } from "@/app/api/reconciliation/route";
import { callRoute, ORIGIN, session, useSimUpstream, users } from "@/lib/api/testing/sim-harness";
import { db, engine } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { addMonths, utcDay } from "@/lib/ledger/clock";
import { runStream } from "@/lib/ledger/runner";
import { simGet, testConfig } from "@/lib/ledger/testing";
import { Big } from "@/lib/money";
import { clearReadCache } from "@/lib/telnyx/read-cache";
import { FOCUS_ALLOWED, FOCUS_MANDATORY_COLUMNS } from "./focus";
import { sha256 } from "./pack";
import { checkClosedMonthsAfterSync } from "./service";
import { parseCsv, readZip } from "./testing";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const { state, sim } = useSimUpstream();
const today = utcDay(Date.now());
const month = addMonths(today.slice(0, 7), -1);
const start = `${month}-01`;
const end = `${addMonths(month, 1)}-01`;
// Usage rollups from the first day of last month; charges re-read every run (no ledger freeze), so a
// change Telnyx makes after the close reaches the ledger.
const config = testConfig({ backfillDays: Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000) + 1, freezeAfterDays: 400 });
const worker = async () => ({ db: await db(), engine: engine(), config });
const sync = async (...streams: Parameters<typeof runStream>[1][]) => {
  for (const s of streams) expect(await runStream(await worker(), s)).toBe("ok");
};

async function fetchPack(query = "") {
  const res = await getPack(new Request(`${ORIGIN}/api/month-close/${month}.zip${query}`, { headers: { host: "127.0.0.1:3000" } }), {
    params: Promise.resolve({ file: `${month}.zip` }),
  });
  return { status: res.status, res, bytes: res.status === 200 ? new Uint8Array(await res.arrayBuffer()) : null };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const sum = (values: (string | undefined)[]) => values.reduce((s, v) => s.plus(v || "0"), new Big(0));

/** Plants a difference upstream: the month's summary with one usage line `delta` dollars dearer (totals kept consistent). */
async function plantSummaryDifference(alias: string, delta: string) {
  const real = await (await simGet(state.server.baseURL, `/charges_summary?start_date=${start}&end_date=${end}`)).json();
  const data = structuredClone(real.data);
  const line = data.summary.lines.find((l: { alias: string }) => l.alias === alias);
  line.amount = new Big(line.amount).plus(delta).toFixed(2);
  data.total.other = new Big(data.total.other).plus(delta).toFixed(2);
  data.total.grand_total = new Big(data.total.grand_total).plus(delta).toFixed(2);
  // Every summary read answers this month's tampered summary (the test only looks at this month).
  await sim.fault({ path: "/charges_summary", status: 200, body: { data } });
  clearReadCache();
  return line as { name: string; amount: string };
}

await describeEachEngine("month close", () => {
  it("an incomplete ledger: reconciliation says incomplete, the pack answers 409 naming the streams, ?partial=1 gives it with manifest 'incomplete'", async () => {
    session.user = users.finance;
    await sync("charges", "invoices");
    const rec = await callRoute(getReconciliation, `/api/reconciliation?month=${month}`);
    expect(rec.status).toBe(200);
    expect(rec.json.data.status).toBe("incomplete");
    expect(rec.json.data.missing).toEqual(["audit_events", "usage"]);

    const refused = await fetchPack();
    expect(refused.status).toBe(409);
    const body = await refused.res.json();
    expect(body.meta.missing).toEqual(["audit_events", "usage"]);
    expect(body.errors[0].meta.missing).toEqual(["audit_events", "usage"]);
    expect(body.errors[0].detail).toMatch(/partial=1/);

    const partial = await fetchPack("?partial=1");
    expect(partial.status).toBe(200);
    const manifest = JSON.parse(text(readZip(partial.bytes!).get("manifest.json")!));
    expect(manifest.reconciliation.status).toBe("incomplete");
    expect(manifest.reconciliation.missing).toEqual(["audit_events", "usage"]);
  });

  it("a complete month reconciles to the cent; the pack's manifest matches its files and each CSV matches the API", async () => {
    session.user = users.finance;
    await sync("charges", "invoices", "audit_events", "usage", "balance");
    const rec = await callRoute(getReconciliation, `/api/reconciliation?month=${month}`);
    expect(rec.json.data.missing).toEqual([]);
    const checks = rec.json.data.checks as { id: string; verdict: string; a: string; b: string; difference: string }[];
    expect(checks.filter((c) => c.verdict !== "ok").map((c) => c.id)).toEqual([]);
    expect(rec.json.data.status).toBe("ok");
    for (const id of ["summary.grand_total", "summary.adjustments", "breakdown.mrc", "breakdown.otc", "usage.messaging", "usage.wireless", "invoice", "topups"])
      expect(checks.map((c) => c.id)).toContain(id);
    for (const c of checks.filter((c) => c.id !== "invoice" && c.id !== "usage.fees")) {
      expect(c.a).toMatch(/^-?\d+\.\d{2}$/);
      expect(c.difference).toMatch(/^-?\d+\.\d{2}$/);
    }

    const pack = await fetchPack();
    expect(pack.status).toBe(200);
    expect(pack.res.headers.get("content-type")).toBe("application/zip");
    const files = readZip(pack.bytes!);
    const manifest = JSON.parse(text(files.get("manifest.json")!));
    expect(Object.keys(manifest)).toEqual(["month", "account", "generated_at", "files", "reconciliation"]);
    expect(manifest.month).toBe(month);
    expect(manifest.reconciliation.status).toBe("ok");
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([
      `invoice-${month}.pdf`,
      `charges-summary-${month}.csv`,
      `charges-breakdown-${month}.csv`,
      `usage-by-day-${month}.csv`,
      `cost-by-tag-${month}.csv`,
      `payments-${month}.csv`,
      `billing-audit-${month}.csv`,
      `focus-${month}.csv`,
      `reconciliation-${month}.csv`,
    ]);
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f: { name: string }) => f.name), "manifest.json"].sort());
    for (const f of manifest.files) {
      const bytes = files.get(f.name)!;
      expect(sha256(bytes), f.name).toBe(f.sha256);
      expect(bytes.byteLength).toBe(f.bytes);
      if (f.name.endsWith(".csv")) expect(parseCsv(text(bytes)).rows.length, f.name).toBe(f.rows);
    }
    expect(text(files.get(`invoice-${month}.pdf`)!.subarray(0, 5))).toBe("%PDF-");
    const csv = (name: string) => parseCsv(text(files.get(`${name}-${month}.csv`)!));

    // Usage by day = GET /api/history/daily-spend for the month.
    const daily = await callRoute(getDailySpend, `/api/history/daily-spend?from=${start}&to=${end}`);
    const usage = csv("usage-by-day");
    expect(usage.rows.length).toBe(daily.json.data.length);
    expect(sum(usage.rows.map((r) => r.cost)).toFixed(2)).toBe(sum(daily.json.data.map((r: { cost: string }) => r.cost)).toFixed(2));

    // Cost by tag = GET /api/costs/by-tag: same rows; several tags, untagged; tag totals ≥ grand total.
    const byTag = await callRoute(getCostsByTag, `/api/costs/by-tag?from=${start}&to=${end}`);
    const tags = csv("cost-by-tag");
    expect(tags.rows.map((r) => [r.tag, r.cost])).toEqual(byTag.json.data.map((t: { tag: string | null; cost: string }) => [t.tag ?? "", t.cost]));
    expect(tags.rows.filter((r) => r.tag !== "").length).toBeGreaterThanOrEqual(3);
    expect(tags.rows.at(-1)!.label).toBe("Untagged");
    expect(new Big(byTag.json.meta.tags_total[0].cost).gte(byTag.json.meta.grand_total[0].cost)).toBe(true);
    expect(byTag.json.meta.note).toMatch(/more than the grand total/);

    // Payments = GET /api/payments for the month.
    const payments = await callRoute(getPayments, `/api/payments?from=${start}&to=${end}`);
    const paid = csv("payments");
    expect(paid.rows.length).toBe(payments.json.data.length);
    expect(sum(paid.rows.map((r) => r.amount)).toFixed(2)).toBe(payments.json.meta.total);

    // The summary's total row and FOCUS's BilledCost both give the grand total; reconciliation = its API.
    const grand = checks.find((c) => c.id === "summary.grand_total")!.a;
    expect(csv("charges-summary").rows.find((r) => r.alias === "grand_total")!.amount).toBe(grand);
    expect(sum(csv("focus").rows.map((r) => r.BilledCost)).toFixed(2)).toBe(grand);
    const recCsv = await callRoute(getReconciliation, `/api/reconciliation?month=${month}&format=csv`);
    expect(csv("reconciliation").rows.length).toBe(parseCsv(recCsv.text).rows.length);
    expect(csv("billing-audit").rows.every((r) => ["payment", "auto_recharge_pref", "billing_group", "phone_number"].includes(r.record_type ?? ""))).toBe(true);
  });

  it("FOCUS: every mandatory column, only allowed values, ISO UTC periods, a Credit and an Adjustment row, and BilledCost sums to the grand total", async () => {
    session.user = users.finance;
    const res = await callRoute(getFocus, `/api/exports/focus?month=${month}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`focus-${month}.csv`);
    const { header, rows } = parseCsv(res.text);
    for (const c of FOCUS_MANDATORY_COLUMNS) expect(header).toContain(c);
    expect(header.filter((h) => !FOCUS_MANDATORY_COLUMNS.includes(h as never)).every((h) => /^x_|^(ChargeFrequency|InvoiceId|ConsumedQuantity|ConsumedUnit)$/.test(h))).toBe(true);
    for (const r of rows) {
      for (const [column, allowed] of Object.entries(FOCUS_ALLOWED)) expect(allowed as readonly string[], `${column}=${r[column]}`).toContain(r[column] ?? "");
      for (const c of ["BilledCost", "ContractedCost", "EffectiveCost", "ListCost"]) expect(r[c]).toMatch(/^-?\d+\.\d+$/);
      for (const c of ["BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"]) expect(r[c]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      for (const c of ["BillingAccountId", "BillingCurrency", "InvoiceIssuerName", "ProviderName", "PublisherName", "ServiceName", "ChargeCategory"]) expect(r[c]).not.toBe("");
      if (r.ChargeCategory === "Purchase") expect(r.ChargeFrequency).not.toBe("Usage-Based");
      if (r.PricingQuantity === "") expect(r.PricingUnit).toBe("");
      if (r.ChargeCategory !== "Usage") expect(r.ConsumedQuantity).toBe("");
    }
    expect(rows.filter((r) => r.ChargeCategory === "Credit").every((r) => (r.BilledCost ?? "").startsWith("-"))).toBe(true);
    expect(rows.some((r) => r.ChargeCategory === "Credit")).toBe(true);
    expect(rows.some((r) => r.ChargeCategory === "Adjustment")).toBe(true);
    const messaging = rows.find((r) => r.x_RecordType === "messaging")!;
    expect(messaging.ServiceCategory).toBe("Mobile");
    expect((JSON.parse(messaging.x_Tags ?? "[]") as string[]).length).toBeGreaterThanOrEqual(2);
    const summary = (await (await simGet(state.server.baseURL, `/charges_summary?start_date=${start}&end_date=${end}`)).json()).data;
    expect(sum(rows.map((r) => r.BilledCost)).toFixed(2)).toBe(new Big(summary.total.grand_total).toFixed(2));
    expect(rows.length).toBe(summary.summary.lines.length + summary.summary.adjustments.length);
  });

  it("a planted difference fails the usage check with its line; one within 0.5 % or $1.00 (late rating) passes", async () => {
    session.user = users.finance;
    const bumped = await plantSummaryDifference("sms_outbound", "5.00");
    await sync("charges");
    const rec = await callRoute(getReconciliation, `/api/reconciliation?month=${month}`);
    expect(rec.json.data.status).toBe("differences");
    const failed = (rec.json.data.checks as { id: string; verdict: string; difference: string; lines: { item: string; a: string }[] }[]).filter((c) => c.verdict !== "ok");
    expect(failed.map((c) => c.id)).toEqual(["usage.messaging"]);
    expect(failed[0]!.difference).toBe("5.00");
    expect(failed[0]!.lines).toContainEqual(expect.objectContaining({ item: `Summary line: ${bumped.name}`, a: bumped.amount }));
    const exported = parseCsv((await callRoute(getReconciliation, `/api/reconciliation?month=${month}&format=csv`)).text).rows;
    expect(exported.filter((r) => r.verdict === "difference").map((r) => r.check)).toContain(exported.find((r) => r.item === `Summary line: ${bumped.name}`)!.check);

    await sim.clearFaults();
    await plantSummaryDifference("sms_outbound", "0.50");
    await sync("charges");
    const late = await callRoute(getReconciliation, `/api/reconciliation?month=${month}`);
    const messaging = late.json.data.checks.find((c: { id: string }) => c.id === "usage.messaging");
    expect(messaging).toMatchObject({ verdict: "ok", difference: "0.50", tolerance: "1.00" });
    await sim.clearFaults();
    await sync("charges");
  });

  it("closing freezes the pack: a later change upstream is recorded as a post-close change and the closed files are served unchanged", async () => {
    session.user = users.finance;
    const closed = await callRoute(closeMonth, "/api/month-close", { method: "POST", body: { month } });
    expect(closed.status).toBe(200);
    expect(closed.json.data).toMatchObject({ month, closed_by: users.finance.email, status: "ok" });
    const again = await callRoute(closeMonth, "/api/month-close", { method: "POST", body: { month } });
    expect(again.status).toBe(409);
    const first = readZip((await fetchPack()).bytes!);
    const closedManifest = JSON.parse(text(first.get("manifest.json")!));
    expect(closedManifest.closed_at).toMatch(/Z$/);
    expect(closedManifest.post_close_changes).toEqual([]);

    await plantSummaryDifference("sms_outbound", "2.00");
    // The sync itself records the change (the worker's afterSuccess hook), before anyone looks.
    const w = { ...(await worker()), afterSuccess: (stream: Parameters<typeof checkClosedMonthsAfterSync>[1]) => checkClosedMonthsAfterSync(w.db, stream) };
    expect(await runStream(w, "charges")).toBe("ok");
    const recorded = await w.db.selectFrom("month_close_change").select(["item", "current_value"]).where("month", "=", month).execute();
    expect(recorded.map((r) => r.item)).toContain("grand_total");
    const list = await callRoute(listCloses, "/api/month-close");
    const changes = list.json.data.find((m: { month: string }) => m.month === month).changes as { item: string; closed_value: string; current_value: string }[];
    const grand = changes.find((c) => c.item === "grand_total")!;
    expect(new Big(grand.current_value).minus(grand.closed_value).toFixed(2)).toBe("2.00");
    expect(changes.map((c) => c.item)).toContain(`charges-summary-${month}.csv`);
    // Recorded once, however often it is seen.
    const again2 = await callRoute(listCloses, "/api/month-close");
    expect(again2.json.data[0].changes.length).toBe(changes.length);

    const after = readZip((await fetchPack()).bytes!);
    const summaryName = `charges-summary-${month}.csv`;
    expect(sha256(after.get(summaryName)!)).toBe(sha256(first.get(summaryName)!));
    const afterManifest = JSON.parse(text(after.get("manifest.json")!));
    expect(afterManifest.post_close_changes.map((c: { item: string }) => c.item)).toContain("grand_total");
    await sim.clearFaults();
  });

  it("refuses a bad month, a month not ended yet and a bad pack name with 422", async () => {
    session.user = users.finance;
    expect((await callRoute(getReconciliation, "/api/reconciliation?month=2026-13")).status).toBe(422);
    expect((await callRoute(getReconciliation, `/api/reconciliation?month=${today.slice(0, 7)}`)).status).toBe(422);
    expect((await callRoute(getFocus, "/api/exports/focus")).status).toBe(422);
    expect((await callRoute(closeMonth, "/api/month-close", { method: "POST", body: { month: today.slice(0, 7) } })).status).toBe(422);
    const bad = await getPack(new Request(`${ORIGIN}/api/month-close/${month}.tar`, { headers: { host: "127.0.0.1:3000" } }), { params: Promise.resolve({ file: `${month}.tar` }) });
    expect(bad.status).toBe(422);
  });
});
