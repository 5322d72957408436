// Issue #17: what a finance user and an owner need at month end (usage export of every record
// type, money inputs, readable audit log…). Each item's checks at 1440 px and 390 px.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import Big from "big.js";
import { parseCsv, parseCsvObjects } from "../lib/usage/csv";
import { DETAIL_RECORD_TYPES } from "../lib/telnyx/contract";
import { test, expect, sameOrigin, storageStateFor } from "./fixtures";
import { monthKey, opensOn } from "./months";

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

test.describe("usage table: one line per value, scrolling inside its card (owner)", () => {
  test.use({ storageState: storageStateFor("owner") });
  for (const width of [390, 1280, 1440]) {
    test(`no value breaks over lines at ${width} px, and the page keeps its width`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/usage?type=messaging&range=last_30_days");
      await expect(page.getByTestId("usage-row").first()).toBeVisible();
      const wrapped = await page.evaluate(() => {
        const out: string[] = [];
        const cells = document.querySelectorAll('[data-testid="usage-row"] td, [data-testid="usage-table"] th');
        for (const cell of Array.from(cells)) {
          // Every value's own box: one line high (inline boxes split into one rect per line).
          for (const el of Array.from(cell.querySelectorAll<HTMLElement>("span, time, button"))) {
            if (el.classList.contains("sr-only") || el.closest(".sr-only") || el.getAttribute("aria-expanded") === "true") continue;
            const style = getComputedStyle(el);
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
            const rects = el.getClientRects();
            const tall = el.getBoundingClientRect().height > line * 1.5 + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + 2;
            if ((style.display === "inline" && rects.length > 1) || tall) out.push(`${el.tagName}: ${el.textContent}`);
          }
        }
        return out.slice(0, 10);
      });
      expect(wrapped).toEqual([]);
      // Times name their zone, as on Charges and in the export.
      await expect(page.getByTestId("usage-row").first().locator("time").first()).toContainText("UTC");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});

test.describe("icons and the browser's locale (owner)", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("the favicon and app icons are served", async ({ request, page }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\//);
    await page.goto("/");
    const icons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const href of icons) expect((await request.get(href)).status(), href).toBe(200);
  });

  test("amounts and dates follow the browser's locale and zone, with no hydration warning", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("owner"), locale: "de-DE", timezoneId: "Europe/Berlin" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (/hydrat|did not match|server rendered/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    for (const path of ["/", "/settings/billing", "/charges"]) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      // German money: "1.234,50 $" (decimal comma, the sign after the amount).
      await expect(page.locator("main [data-amount]").first()).toHaveText(/\d,\d{2}\s\$/);
    }
    await page.goto("/audit-log");
    await expect(page.locator("main h1")).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  });
});

test.describe("audit log in words (owner)", () => {
  test.use({ storageState: storageStateFor("owner") });

  for (const vp of VIEWPORTS) {
    test(`a recharge amount change reads in money, with the dashboard user who made it (${vp.name})`, async ({ page }) => {
      await page.setViewportSize(vp);
      const current = (await (await page.request.get("/api/auto-recharge")).json()).data as { recharge_amount: string };
      const next = current.recharge_amount === "225.00" ? "230.00" : "225.00";
      const saved = await page.request.patch("/api/auto-recharge", { data: { recharge_amount: next }, headers: sameOrigin });
      expect(saved.status(), await saved.text()).toBe(200);
      const before = Number(current.recharge_amount).toFixed(2);

      await page.goto("/audit-log");
      await page.getByRole("button", { name: "Last 24 hours" }).click();
      await expect(page.getByRole("button", { name: "Last 24 hours" })).toHaveAttribute("aria-pressed", "true");
      const sentence = `Recharge amount $${before} → $${next}`;
      const row = page.getByTestId("audit-row").filter({ hasText: "owner@e2e.test" }).first();
      await expect(row).toBeVisible({ timeout: 20_000 });
      await row.getByRole("button").click();
      const detail = page.getByTestId("audit-detail");
      await expect(detail.getByTestId("audit-change-words")).toContainText(sentence);
      await expect(detail.getByTestId("audit-detail-person")).toHaveText("owner@e2e.test");
      // No raw names with type tags in the words.
      await expect(detail.getByTestId("audit-change-words")).not.toContainText("recharge_amount");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      const axe = await new AxeBuilder({ page }).include("main").analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    });
  }
});

test.describe("charges: product families, charge kinds, the month it opens on, percentages (finance)", () => {
  test.use({ storageState: storageStateFor("finance") });

  for (const vp of VIEWPORTS) {
    test(`subtotals by product add up to the lines, with the rule and the charge kinds stated (${vp.name})`, async ({ page }) => {
      await page.setViewportSize(vp);
      const closed = monthKey(-1);
      const current = monthKey(0);
      // From another month (on days 1–7 the page already opens on the last closed month, which
      // then needs no ?month).
      await page.goto(`/charges?month=${monthKey(-2)}`);
      await expect(page.getByTestId("default-month-rule")).toContainText("days 1–7");
      await page.getByRole("button", { name: /^Last closed month/ }).click();
      await expect(page).toHaveURL(opensOn === closed ? /\/charges$/ : new RegExp(`month=${closed}$`));
      await expect(page.getByTestId("selected-period")).toContainText("the last closed month");
      const card = page.getByTestId("summary-card");
      await expect(card.locator('tr[data-alias="grand_total"]')).toBeVisible();
      const rows = await card.locator("tr[data-section]").evaluateAll((trs) =>
        trs.map((tr) => ({ section: tr.getAttribute("data-section")!, alias: tr.getAttribute("data-alias")!, amount: tr.getAttribute("data-amount")! })),
      );
      const sum = (xs: { amount: string }[]) => xs.reduce((s, r) => s.plus(r.amount), new Big(0));
      const families = rows.filter((r) => r.section === "family");
      expect(families.length).toBeGreaterThanOrEqual(3);
      expect(families.map((f) => f.alias).every((a) => /^family_(messaging|voice|numbers|wireless|other)$/.test(a))).toBe(true);
      expect(sum(families).eq(sum(rows.filter((r) => r.section === "line")))).toBe(true);
      await expect(page.getByTestId("family-rule")).toContainText("Messaging when it mentions SMS");
      await expect(page.getByTestId("charge-kinds")).toContainText("Monthly recurring charge");
      await expect(page.getByTestId("charge-kinds")).toContainText("One-time charge");
      await expect(page.getByTestId("charge-kinds")).toContainText("Direct inward dialing");

      // The CSV has the same subtotals and a family for every line.
      const csv = await page.request.get(`/api/charges/summary.csv?start_date=${closed}-01&end_date=${current}-01`);
      expect(csv.status()).toBe(200);
      const parsed = parseCsvObjects((await csv.text()).replace(/^\ufeff/, ""));
      expect(parsed.filter((r) => r.section === "family").map((r) => [r.alias, r.amount])).toEqual(families.map((f) => [f.alias, f.amount]));
      expect(parsed.filter((r) => r.section === "line").every((r) => r.family !== "")).toBe(true);

      await page.getByRole("button", { name: / so far$/ }).click();
      await expect(page.getByTestId("selected-period")).toContainText("(so far)");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      const axe = await new AxeBuilder({ page }).include("main").analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    });
  }

  test("a credit never reads as a percentage change", async ({ page }) => {
    const now = new Date();
    let checked = 0;
    for (let back = 0; back < 6; back++) {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
      await page.goto(`/charges?month=${month}`);
      const card = page.getByTestId("comparison-card");
      await expect(card.locator('tr[data-key="total"]')).toBeVisible();
      const rows = await card.locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => {
          const amounts = Array.from(tr.querySelectorAll("[data-amount]")).map((m) => m.getAttribute("data-amount")!);
          return { key: tr.getAttribute("data-key"), previous: amounts[0]!, current: amounts[1]!, percent: tr.querySelectorAll("td")[3]!.textContent!.trim() };
        }),
      );
      for (const r of rows)
        if (r.previous.startsWith("-") || r.current.startsWith("-")) {
          checked++;
          expect(r.percent, `${month} ${r.key}`).toMatch(/^n\/a/);
        } else expect(r.percent, `${month} ${r.key}`).not.toMatch(/n\/a/);
    }
    expect(checked, "seed 42 has credits in the last months").toBeGreaterThan(0);
  });
});

test.describe("invoices: last 12 months, a sticky bar, selections said plainly (finance)", () => {
  test.use({ storageState: storageStateFor("finance") });

  for (const vp of VIEWPORTS) {
    test(`"Last 12 months" selects the twelve latest; hidden selections are stated; each month links to its charges (${vp.name})`, async ({ page }) => {
      await page.setViewportSize(vp);
      const latest = ((await (await page.request.get("/api/invoices/search?page=1&size=12")).json()) as { data: { invoice_id: string; period_start: string }[] }).data;
      expect(latest).toHaveLength(12);
      await page.goto("/invoices");
      const bar = page.getByTestId("bulk-download");
      await bar.getByRole("button", { name: "Last 12 months" }).click();
      await expect(page.getByTestId("selection-words")).toContainText("12 selected");
      for (const inv of latest) {
        const row = page.locator(`tr[data-invoice-id="${inv.invoice_id}"]`);
        if (await row.count()) await expect(row.getByRole("checkbox")).toBeChecked();
      }
      const first = page.locator(`tr[data-invoice-id="${latest[0]!.invoice_id}"]`);
      await expect(first.getByRole("link", { name: /^Charges of / })).toHaveAttribute("href", `/charges?month=${latest[0]!.period_start.slice(0, 7)}`);
      await expect(page.getByTestId("unpaid-meaning")).toContainText("prepaid");

      // The bar stays in view while scrolling down the list.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await bar.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(-1);
      expect(box!.y).toBeLessThan(vp.height);

      // A filter that hides some of them says so instead of a bare count.
      const oldest = latest[latest.length - 1]!.period_start.slice(0, 4);
      const newest = latest[0]!.period_start.slice(0, 4);
      if (oldest !== newest) {
        await page.getByLabel("Year").selectOption(oldest);
        await expect(page.getByTestId("selection-words")).toContainText(/on other pages or filtered out|none of them in the list below/);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      const axe = await new AxeBuilder({ page }).include("main").analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    });
  }
});
