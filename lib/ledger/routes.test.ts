// The ledger's API routes against a ledger filled by a real sync from the standalone simulator.
import { beforeAll, expect, it, vi } from "vitest";
import { GET as pdf } from "@/app/api/invoices/[id]/pdf/route";
import { GET as invoiceSearch } from "@/app/api/invoices/search/route";
import { GET as auditSearch } from "@/app/api/ledger/audit-events/route";
import { GET as balanceHistory } from "@/app/api/history/balance/route";
import { GET as dailySpend } from "@/app/api/history/daily-spend/route";
import { GET as dailySpendExport } from "@/app/api/history/daily-spend/export/route";
import { POST as syncRun } from "@/app/api/sync/run/route";
import { GET as syncStatus } from "@/app/api/sync/status/route";
import { callRoute, useSimUpstream } from "@/lib/api/testing/sim-harness";
import { db, engine } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { Big } from "@/lib/money";
import { addDays, utcDay } from "./clock";
import { STREAMS } from "./config";
import { runOnce } from "./runner";
import { testConfig } from "./testing";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const { sim } = useSimUpstream();
const today = utcDay(Date.now());

await describeEachEngine("ledger routes", () => {
  beforeAll(async () => {
    await runOnce({ db: await db(), engine: engine(), config: testConfig() });
  }, 60_000);

  it("GET /api/sync/status: every stream with its last success, rows, cursor, calls today and last error", async () => {
    const res = await callRoute(syncStatus, "/api/sync/status");
    expect(res.status).toBe(200);
    expect(res.json.data.map((s: { stream: string }) => s.stream)).toEqual([...STREAMS]);
    for (const s of res.json.data) {
      expect(s).toMatchObject({ last_error: null, cursor: expect.anything() });
      expect(Date.parse(s.last_success_at)).toBeGreaterThan(Date.now() - 120_000);
      expect(s.rows).toBeGreaterThan(0);
      expect(s.calls_today).toBeGreaterThan(0);
    }
    expect(res.json.meta.database_bytes).toBeGreaterThan(0);
  });

  it("POST /api/sync/run queues all streams or one; an unknown stream is a 422 naming it", async () => {
    const all = await callRoute(syncRun, "/api/sync/run", { method: "POST" });
    expect(all.status).toBe(202);
    expect(all.json.data.queued).toEqual([...STREAMS]);
    const one = await callRoute(syncRun, "/api/sync/run", { method: "POST", body: { stream: "usage" } });
    expect([one.status, one.json.data.queued]).toEqual([202, ["usage"]]);
    const bad = await callRoute(syncRun, "/api/sync/run", { method: "POST", body: { stream: "nope" } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].source.pointer).toBe("/stream");
    const row = await (await db()).selectFrom("ledger_stream").select("requested_at").where("stream", "=", "usage").executeTakeFirstOrThrow();
    expect(row.requested_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it("GET /api/history/daily-spend: decimal costs per day and type, the same totals per tag; bad input is a 422", async () => {
    const q = `from=${addDays(today, -3)}&to=${addDays(today, 1)}`;
    const byType = await callRoute(dailySpend, `/api/history/daily-spend?${q}&group_by=record_type`);
    expect(byType.status).toBe(200);
    expect(byType.json.data.length).toBeGreaterThan(0);
    for (const r of byType.json.data) expect(r.cost).toMatch(/^-?\d+(\.\d+)?$/);
    const rows = await (await db()).selectFrom("ledger_usage_type").selectAll().where("day", ">=", addDays(today, -3)).execute();
    const sum = (xs: { cost: string }[]) => xs.reduce((a, x) => a.plus(x.cost), new Big(0)).toFixed();
    expect(sum(byType.json.data)).toBe(sum(rows));
    const byTag = await callRoute(dailySpend, `/api/history/daily-spend?${q}&group_by=tag`);
    expect(byTag.json.data.some((r: { key: string | null }) => r.key === null)).toBe(true);
    for (const [query, param] of [["group_by=vendor", "group_by"], [`from=${today}&to=${addDays(today, -1)}`, "to"], ["from=2026-02-30", "from"]])
      expect((await callRoute(dailySpend, `/api/history/daily-spend?${query}`)).json.errors[0].source.parameter).toBe(param);
  });

  it("GET /api/history/daily-spend/export: the same rows as CSV, any range kept; bad input is a 422 naming it", async () => {
    const q = `from=${addDays(today, -100)}&to=${addDays(today, 1)}&group_by=tag`;
    const json = await callRoute(dailySpend, `/api/history/daily-spend?${q}`);
    const csv = await callRoute(dailySpendExport, `/api/history/daily-spend/export?${q}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain(`cost-per-day-by-tag-${addDays(today, -100)}-to-${addDays(today, 1)}.csv`);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("date,tag,count,cost,currency");
    expect(lines.length - 1).toBe(json.json.data.length);
    const costs = lines.slice(1).map((l) => l.split(",")[3]!);
    expect(costs).toEqual(json.json.data.map((r: { cost: string }) => r.cost));
    const bad = await callRoute(dailySpendExport, `/api/history/daily-spend/export?from=${today}&to=${today}`);
    expect([bad.status, bad.json.errors[0].source.parameter]).toEqual([422, "to"]);
  });

  it("GET /api/history/balance: the snapshot, and reconstructed days before it", async () => {
    const res = await callRoute(balanceHistory, `/api/history/balance?from=${addDays(today, -3)}&to=${addDays(today, 1)}`);
    expect(res.status).toBe(200);
    const sources = res.json.data.map((p: { source: string }) => p.source);
    expect(sources.at(-1)).toBe("snapshot");
    expect(sources.filter((s: string) => s === "reconstructed").length).toBeGreaterThanOrEqual(3);
    expect(res.json.data[0]).toMatchObject({ balance: expect.stringMatching(/^-?\d+\.\d{2}$/), pending: null });
  });

  it("GET /api/invoices/{id}/pdf: from the archive with X-Content-SHA256 when Telnyx's files fail", async () => {
    const kysely = await db();
    const archived = await kysely.selectFrom("ledger_invoice_pdf").select(["invoice_id", "sha256"]).execute();
    expect(archived.length).toBeGreaterThan(0);
    await sim.fault({ path: "/files/*", status: 500 });
    await sim.fault({ path: "/invoices/*", status: 500 });
    for (const a of archived) {
      const res = await callRoute(pdf, `/api/invoices/${a.invoice_id}/pdf`, { params: { id: a.invoice_id } });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-content-sha256")).toBe(a.sha256);
      expect(res.headers.get("content-type")).toBe("application/pdf");
    }
    await sim.clearFaults();
    // Not archived yet: served from Telnyx (no hash header) and archived on the way.
    const id = archived[0]!.invoice_id;
    await kysely.deleteFrom("ledger_invoice_pdf").where("invoice_id", "=", id).execute();
    const live = await callRoute(pdf, `/api/invoices/${id}/pdf`, { params: { id } });
    expect([live.status, live.headers.get("x-content-sha256")]).toEqual([200, null]);
    await vi.waitFor(async () => {
      const row = await kysely.selectFrom("ledger_invoice_pdf").select("sha256").where("invoice_id", "=", id).executeTakeFirst();
      expect(row?.sha256).toBe(archived[0]!.sha256);
    });
  });

  it("GET /api/invoices/search marks the invoices whose PDF the ledger keeps", async () => {
    const kept = new Set((await (await db()).selectFrom("ledger_invoice_pdf").select("invoice_id").execute()).map((r) => r.invoice_id));
    const res = await callRoute(invoiceSearch, "/api/invoices/search?size=50");
    expect(res.status).toBe(200);
    expect(res.json.archived.length).toBeGreaterThan(0);
    expect(res.json.archived.sort()).toEqual(res.json.data.map((i: { invoice_id: string }) => i.invoice_id).filter((id: string) => kept.has(id)).sort());
  });

  it("GET /api/ledger/audit-events: free text over the kept copy, with the last sync time", async () => {
    const kysely = await db();
    const one = await kysely.selectFrom("ledger_audit_event").select(["id", "resource_id"]).where("resource_id", "is not", null).limit(1).executeTakeFirstOrThrow();
    const res = await callRoute(auditSearch, `/api/ledger/audit-events?q=${encodeURIComponent(one.resource_id!.toUpperCase())}`);
    expect(res.status).toBe(200);
    expect(res.json.data.map((e: { id: string }) => e.id)).toContain(one.id);
    expect(res.json.meta).toMatchObject({ source: "ledger", last_sync_at: expect.any(String) });
    const none = await callRoute(auditSearch, "/api/ledger/audit-events?q=%25_nothing_like_this");
    expect(none.json.data).toEqual([]);
  });
});
