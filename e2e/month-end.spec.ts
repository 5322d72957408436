// Issue #17: what a finance user and an owner need at month end (usage export of every record
// type, money inputs, readable audit log…). Each item's checks at 1440 px and 390 px.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import Big from "big.js";
import { parseCsv, parseCsvObjects } from "../lib/usage/csv";
import { DETAIL_RECORD_TYPES } from "../lib/telnyx/contract";
import { test, expect, storageStateFor } from "./fixtures";

type Rec = Record<string, unknown>;
type List = { data: Rec[]; meta: { total_results: number; total_pages: number } };

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

function previousMonth(): { month: string; gte: string; lt: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { month: start.toISOString().slice(0, 7), gte: start.toISOString(), lt: end.toISOString() };
}

/** Every record of one type in a UTC window, through the dashboard's own list API. */
async function walk(request: APIRequestContext, type: string, gte: string, lt: string): Promise<Rec[]> {
  const out: Rec[] = [];
  for (let p = 1; ; p++) {
    const qs = new URLSearchParams({ record_type: type, created_at_gte: gte, created_at_lt: lt, page: String(p), size: "50" });
    const res = await request.get(`/api/detail-records?${qs}`);
    expect(res.ok(), await res.text()).toBeTruthy();
    const body = (await res.json()) as List;
    out.push(...body.data);
    if (p >= body.meta.total_pages || body.data.length === 0) return out;
  }
}

const costOf = (r: Rec): string => {
  for (const k of ["cost", "data_cost", "verify_usage_fee"]) {
    const v = r[k];
    if (typeof v === "string" && v !== "") return v;
    if (typeof v === "number") return String(v);
  }
  return "0";
};

test.describe("usage: all record types for a month (finance)", () => {
  test.use({ storageState: storageStateFor("finance") });

  for (const vp of VIEWPORTS) {
    test(`exports every record type of last month in one file whose rows and total match the API (${vp.name})`, async ({ page, request }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(vp);
      const { month, gte, lt } = previousMonth();
      const expected: { type: string; rec: Rec }[] = [];
      for (const type of DETAIL_RECORD_TYPES) for (const rec of await walk(request, type, gte, lt)) expected.push({ type, rec });
      const expectedCost = expected.reduce((s, e) => s.plus(costOf(e.rec)), new Big(0));

      await page.goto("/usage");
      const panel = page.getByRole("region", { name: "All record types for a month" });
      await expect(panel.getByLabel("Month (UTC)")).toHaveValue(month);
      const downloadPromise = page.waitForEvent("download", { timeout: 120_000 });
      await panel.getByRole("button", { name: "Export all record types (CSV)" }).click();
      const download = await downloadPromise;
      expect(download.suggestedFilename()).toBe(`usage-all-${month}.csv`);
      const text = await readFile((await download.path())!, "utf8");
      expect(parseCsv(text)[0]).toEqual(["record_type", "id", "time_utc", "cost", "currency", "tags", "details"]);
      const csv = parseCsvObjects(text);
      expect(csv).toHaveLength(expected.length);
      // Per type, the same number of rows as the API lists.
      const countBy = (types: string[]) => types.reduce<Record<string, number>>((m, t) => ({ ...m, [t]: (m[t] ?? 0) + 1 }), {});
      expect(countBy(csv.map((r) => r.record_type!))).toEqual(countBy(expected.map((e) => e.type)));
      for (const r of csv) {
        expect(r.time_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(r.time_utc! >= gte && r.time_utc! < lt, r.time_utc).toBe(true);
      }
      const fileCost = csv.reduce((s, r) => s.plus(r.cost || "0"), new Big(0));
      expect(fileCost.toFixed()).toBe(expectedCost.toFixed());

      await expect(page.getByTestId("all-types-export-status")).toContainText(`Exported ${expected.length.toLocaleString("en-US")} rows`);
      await expect(page.getByTestId("usage-month-export-total")).toHaveText(`$${Number(expectedCost.toFixed(2)).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
      await expect(page.getByTestId("usage-vs-charges")).toContainText(/Usage on Charges for this month|Matches the usage on Charges/);
      await expect(page.getByTestId("usage-vs-charges").getByRole("link")).toHaveAttribute("href", `/charges?month=${month}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      const axe = await new AxeBuilder({ page }).include("main").analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    });
  }

  test("an export that matches nothing is a header row, not an empty file", async ({ request }) => {
    const one = await request.get(`/api/detail-records/export?${new URLSearchParams({ record_type: "messaging", date_range: "today", tags: "no-such-tag-e2e" })}`);
    expect(one.status()).toBe(200);
    const text = await one.text();
    expect(parseCsv(text)).toHaveLength(1);
    expect(parseCsv(text)[0]).toContain("record_type");
    expect(one.headers()["x-expected-rows"]).toBe("0");

    const all = await request.get(`/api/detail-records/export?${new URLSearchParams({ record_type: "all", month: "2001-01" })}`);
    expect(all.status()).toBe(200);
    expect(await all.text()).toBe("record_type,id,time_utc,cost,currency,tags,details\n");
  });

  test("a malformed month or record type is refused before Telnyx", async ({ request, sim }) => {
    await sim.clearRequests();
    for (const qs of ["record_type=all&month=2025-13", "record_type=everything", "record_type=all&month=May"]) {
      const res = await request.get(`/api/detail-records/export?${qs}`);
      expect(res.status(), qs).toBe(422);
    }
    expect(await sim.count("/detail_records")).toBe(0);
  });
});
