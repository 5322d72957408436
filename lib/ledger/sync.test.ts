// The ledger against the standalone simulator, on SQLite and (when it answers) on Postgres.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { useSimUpstream } from "@/lib/api/testing/sim-harness";
import { connection, db, engine } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { Big } from "@/lib/money";
import { DETAIL_RECORD_TYPES } from "@/lib/telnyx/schemas/detail-records";
import { layoutFor, recordCost, recordTags } from "@/lib/usage/records";
import { addDays, utcDay } from "./clock";
import { runOnce, runStream } from "./runner";
import { simDetailRecords, simGet, testConfig } from "./testing";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

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
  });

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
void connection;
