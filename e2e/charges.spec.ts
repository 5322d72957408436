import { readFile } from "node:fs/promises";
import Big from "big.js";
import type { Download, Page } from "@playwright/test";
import type { BreakdownSort } from "../lib/charges/breakdown";
import { packView } from "../lib/charges/breakdown-packed";
import { breakdownView } from "../lib/charges/breakdown-view";
import { test, expect, storageStateFor } from "./fixtures";
import { monthKey, opensOn } from "./months";

// Months and ranges are computed from today (UTC), like the simulator's data.
const now = new Date();
const monthRange = (m: string) => {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return { start_date: `${m}-01`, end_date: new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10) };
};
const day = (monthOffset: number, d: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthOffset, d)).toISOString().slice(0, 10);
const monthName = (m: string) => new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`));

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF) for the exports. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { download, text: await readFile((await download.path())!, "utf8") };
}

const summaryCard = (page: Page) => page.getByTestId("summary-card");
const summaryTable = (page: Page) => summaryCard(page).getByRole("table");

/** The summary table's rows as the page shows them: section, item and exact amount. */
async function tableRows(page: Page) {
  return summaryTable(page)
    .locator("tr[data-section]")
    .evaluateAll((trs) =>
      trs.map((tr) => ({ section: tr.getAttribute("data-section")!, item: tr.getAttribute("data-item")!, alias: tr.getAttribute("data-alias")!, amount: tr.getAttribute("data-amount")! })),
    );
}

test.describe("charges", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("loads the chart, the month's summary, the comparison and the breakdown", async ({ page }) => {
    await page.goto("/charges");
    await expect(page.getByRole("heading", { level: 1, name: "Charges" })).toBeVisible();
    await expect(page.getByTestId("selected-period")).toContainText(monthName(opensOn));
    // The chart draws the 12 months.
    await expect(page.getByTestId("monthly-charges-chart").locator("[data-bar]").first()).toBeVisible({ timeout: 20_000 });
    await page.getByText("Show the figures as a table").click();
    await expect(page.getByRole("table", { name: "Monthly charges by kind" }).locator("tbody tr")).toHaveCount(12);
    await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
    await expect(page.getByTestId("comparison-card").locator('tr[data-key="total"]')).toBeVisible();
    await expect(page.getByTestId("breakdown-count")).toContainText(/\d+ numbers/);
    await expect(page.getByTestId("charge-type-chart").locator("[data-bar]").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("breakdown-table").locator("tbody tr[data-tn]").first()).toBeVisible();
  });

  test("the breakdown's first rows come in the page's HTML, and sorting works once its code has loaded", async ({ page }) => {
    // Server-rendered (its code loads after the page's first JS and hydrates it in place): the rows
    // are parsed with the page instead of inserted by script, which a phone pays for dearly.
    const html = await (await page.request.get("/charges")).text();
    expect(html).toContain('data-testid="breakdown-table"');
    expect(html.match(/<tr[^>]*data-tn="/g)?.length ?? 0).toBeGreaterThan(5);
    await page.goto("/charges");
    const cost = page.getByTestId("breakdown-table").locator("thead th").filter({ hasText: "Cost" });
    await cost.getByRole("button").click();
    await expect(cost).toHaveAttribute("aria-sort", /ascending|descending/);
  });

  test("the month picker changes the period in the URL, and back and reload keep it", async ({ page }) => {
    // Months that are never the one the page opens on, so each is written in the URL.
    const [a, b, c] = [monthKey(-2), monthKey(-3), monthKey(-4)];
    await page.goto(`/charges?month=${monthKey(0)}`);
    await expect(page.getByRole("button", { name: "Next month" })).toBeDisabled();
    await page.getByLabel("Month", { exact: true }).selectOption(a);
    await expect(page).toHaveURL(new RegExp(`[?&]month=${a}`));
    await expect(page.getByTestId("selected-period")).toContainText(monthName(a));
    await expect(summaryCard(page).getByRole("heading", { name: `Summary, ${monthName(a)}` })).toBeVisible();

    await page.getByRole("button", { name: "Previous month" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]month=${b}`));
    await expect(page.getByTestId("comparison-card")).toContainText(`${monthName(b)} against ${monthName(c)}`);

    await page.reload();
    await expect(page.getByTestId("selected-period")).toContainText(monthName(b));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`[?&]month=${a}`));
    await expect(page.getByTestId("selected-period")).toContainText(monthName(a));

    // The month the page opens on needs no parameter: choosing it leaves a plain /charges.
    await page.getByLabel("Month", { exact: true }).selectOption(opensOn);
    await expect(page).toHaveURL(/\/charges$/);
    await expect(page.getByTestId("selected-period")).toContainText(monthName(opensOn));

    // A shared link opens on that month.
    await page.goto(`/charges?month=${b}`);
    await expect(page.getByLabel("Month", { exact: true })).toHaveValue(b);
  });

  test("a custom range is validated in the form as on the server", async ({ page }) => {
    await page.goto("/charges");
    await page.getByRole("button", { name: "Custom range" }).click();
    const form = page.getByRole("form", { name: "Custom date range" });
    const from = form.getByLabel("From");
    const until = form.getByLabel("Until (not included)");

    // 35 days: refused next to the field, and the URL is unchanged.
    await from.fill(day(-2, 1));
    await until.fill(day(-2, 36));
    await form.getByRole("button", { name: "Show range" }).click();
    await expect(form.getByText(/must be at most 31 days after start_date/i)).toBeVisible();
    await expect(until).toHaveAttribute("aria-invalid", "true");
    expect(page.url()).not.toContain("start=");

    // The end before the start.
    await until.fill(day(-2, 1 - 3));
    await form.getByRole("button", { name: "Show range" }).click();
    await expect(form.getByText(/must be after start_date/i)).toBeVisible();

    // The server says the same.
    const tooLong = await page.request.get(`/api/charges/summary?start_date=${day(-2, 1)}&end_date=${day(-2, 36)}`);
    expect(tooLong.status()).toBe(422);
    expect((await tooLong.json()).errors[0].detail).toMatch(/must be at most 31 days after start_date/);

    // A valid range goes into the URL and is shown.
    await from.fill(day(-2, 3));
    await until.fill(day(-2, 18));
    await form.getByRole("button", { name: "Show range" }).click();
    await expect(page).toHaveURL(new RegExp(`start=${day(-2, 3)}.*end=${day(-2, 18)}|end=${day(-2, 18)}.*start=${day(-2, 3)}`));
    await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
    const api = (await (await page.request.get(`/api/charges/summary?start_date=${day(-2, 3)}&end_date=${day(-2, 18)}`)).json()).data;
    await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toHaveAttribute("data-amount", new Big(api.total.grand_total).toFixed(2));

    // A hand-edited URL with a range the server refuses says so instead of showing wrong data.
    await page.goto(`/charges?start=${day(-2, 1)}&end=${day(-2, 40)}`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This date range can't be shown");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("must be at most 31 days");
  });

  test("the totals equal the sums of the lines, and Telnyx's totals, for several months (with credits)", async ({ page }) => {
    const series = (await (await page.request.get("/api/charges/monthly?months=12")).json()).data as { month: string; adjustments: string }[];
    const withCredits = series.filter((p) => new Big(p.adjustments).lt(0)).map((p) => p.month);
    const without = series.filter((p) => new Big(p.adjustments).eq(0)).map((p) => p.month);
    expect(withCredits.length, "seed 42 has months with credits").toBeGreaterThan(0);
    const months = [...new Set([...withCredits.slice(-2), ...without.slice(-1), monthKey(0)])];
    expect(months.length).toBeGreaterThanOrEqual(3);

    for (const month of months) {
      await page.goto(`/charges?month=${month}`);
      await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
      const rows = await tableRows(page);
      const lines = rows.filter((r) => r.section === "line");
      const adjustments = rows.filter((r) => r.section === "adjustment");
      const total = (alias: string) => rows.find((r) => r.section === "total" && r.alias === alias)!.amount;
      const sum = (xs: { amount: string }[]) => xs.reduce((s, r) => s.plus(r.amount), new Big(0));

      expect(sum([...lines, ...adjustments]).eq(total("grand_total")), `${month}: grand total`).toBe(true);
      expect(sum(adjustments).eq(total("adjustments")), `${month}: adjustments`).toBe(true);
      const recurring = new Big(total("new_mrc")).plus(total("new_otc")).plus(total("existing_mrc"));
      const usage = new Big(total("other"));
      expect(recurring.plus(usage).eq(sum(lines)), `${month}: lines by kind`).toBe(true);

      const upstream = (await (await page.request.get(`/api/charges/summary?${new URLSearchParams(monthRange(month))}`)).json()).data.total;
      expect(new Big(upstream.grand_total).eq(total("grand_total")), `${month}: Telnyx's grand total`).toBe(true);
      expect(new Big(upstream.credits).plus(upstream.ledger_adjustments).eq(total("adjustments"))).toBe(true);
      if (withCredits.includes(month)) expect(adjustments.some((a) => a.amount.startsWith("-"))).toBe(true);
      await expect(summaryCard(page).getByRole("note")).toHaveCount(0); // no "totals differ" warning
    }
  });

  test("the summary CSV downloads with a file name and its rows match the table", async ({ page }) => {
    const month = monthKey(-1);
    await page.goto(`/charges?month=${month}`);
    await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
    const shown = await tableRows(page);
    const { download, text } = await downloadText(page, () => page.getByRole("link", { name: "Export the summary as CSV" }).click());
    expect(download.suggestedFilename()).toBe(`telnyx-charges-summary-${month}.csv`);
    const csv = parseCsv(text);
    expect(csv.map((r) => ({ section: r.section, item: r.item, alias: r.alias, amount: r.amount }))).toEqual(shown);
    expect(csv.length).toBeGreaterThan(5);
  });

  test("the breakdown is searchable and sortable, and its CSV matches what is shown", async ({ page }) => {
    const month = monthKey(-1);
    await page.goto(`/charges?month=${month}`);
    const count = page.getByTestId("breakdown-count");
    await expect(count).toContainText("numbers");
    const all = Number(await count.getAttribute("data-count"));
    expect(all).toBeGreaterThan(10);
    const table = page.getByTestId("breakdown-table");
    const visibleRows = () => table.locator("tbody tr[data-tn]").evaluateAll((trs) => trs.map((tr) => ({ tn: tr.getAttribute("data-tn")!, cost: tr.getAttribute("data-cost")! })));

    // Default order: highest cost first.
    let rows = await visibleRows();
    for (let i = 1; i < rows.length; i++) expect(new Big(rows[i - 1]!.cost).gte(rows[i]!.cost)).toBe(true);

    let exported = parseCsv((await downloadText(page, () => page.getByRole("link", { name: "Export the numbers as CSV" }).click())).text);
    expect(exported).toHaveLength(all);
    expect(exported.slice(0, rows.length).map((r) => ({ tn: r.tn, cost: r.cost }))).toEqual(rows);

    // Sort by number, ascending, then search: the URL keeps both, the export follows.
    await table.getByRole("button", { name: /^Number/ }).click();
    await expect(table.getByRole("columnheader", { name: /Number/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/sort=tn/);
    await page.getByLabel("Search numbers").fill("international");
    await expect(page).toHaveURL(/q=international/);
    await expect(count).toContainText("match");
    const matching = Number(await count.getAttribute("data-count"));
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(all);
    rows = await visibleRows();
    expect(rows.map((r) => r.tn)).toEqual([...rows.map((r) => r.tn)].sort());
    const download = await downloadText(page, () => page.getByRole("link", { name: "Export the numbers as CSV" }).click());
    expect(download.download.suggestedFilename()).toBe(`telnyx-charges-breakdown-${month}.csv`);
    exported = parseCsv(download.text);
    expect(exported).toHaveLength(matching);
    expect(exported.every((r) => r.charge_type === "international")).toBe(true);
    expect(exported.slice(0, rows.length).map((r) => ({ tn: r.tn, cost: r.cost }))).toEqual(rows);

    await page.getByLabel("Search numbers").fill("no-such-number-xyz");
    await expect(page.getByText(/No numbers match/)).toBeVisible();
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(count).toHaveAttribute("data-count", String(all));
  });

  test("10,000 numbers render as a virtual list that scrolls to the last one", async ({ page }) => {
    // The e2e simulator runs at small scale; the breakdown (read in the browser) is replaced with a
    // large-scale-sized answer to check that only the rows on screen are in the DOM.
    const results = Array.from({ length: 10_000 }, (_, i) => ({
      tn: `+1201555${String(i).padStart(4, "0")}`,
      charge_type: i % 10 === 0 ? "toll_free" : "local",
      service_owner_user_id: "00000000-0000-4000-8000-000000000001",
      service_owner_email: "billing@example.test",
      services: [{ cost_type: "MRC", name: "Local DIDs", cost: `${1 + (i % 7)}.00` }],
    }));
    // The page reads all rows through the dashboard's own route (rows sorted and sliced on the
    // server, packed), which is answered here as the server would answer it for this Telnyx answer;
    // the first screen the page streams is the simulator's, until these rows replace it.
    const breakdown = { user_id: "u", user_email: "billing@example.test", currency: "USD", ...monthRange(monthKey(-1)), results };
    await page.route(/\/api\/charges\/breakdown\/rows\?/, (route) => {
      const url = new URL(route.request().url());
      const limit = url.searchParams.get("limit");
      const view = breakdownView(breakdown, {
        q: url.searchParams.get("q") ?? "",
        sort: url.searchParams.get("sort") as BreakdownSort,
        limit: limit ? Number(limit) : undefined,
      });
      return route.fulfill({ json: { data: packView(view) } });
    });
    await page.goto(`/charges?month=${monthKey(-1)}&sort=tn`);
    await expect(page.getByTestId("breakdown-count")).toHaveAttribute("data-count", "10000", { timeout: 45_000 });
    const table = page.getByTestId("breakdown-table");
    await expect(table.locator("tbody tr[data-tn]").first()).toHaveAttribute("data-tn", "+12015550000");
    expect(await table.locator("tbody tr[data-tn]").count()).toBeLessThan(80);
    await expect(table).toHaveAttribute("aria-rowcount", "10001");

    const scroller = page.getByRole("region", { name: /Charges by number.*\(scrolls\)/ });
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(table.locator('tbody tr[data-tn="+12015559999"]')).toBeVisible();
    expect(await table.locator("tbody tr[data-tn]").count()).toBeLessThan(80);
  });

  test.describe("each card fails on its own", () => {
    test.describe.configure({ timeout: 150_000 });

    test("charges summary down: the summary and comparison fail, the chart and breakdown stay", async ({ page, sim }) => {
      // Read the page first so the chart's months are fresh in the server's cache, then break
      // charges_summary and ask for a range nothing has read yet.
      await page.goto("/charges");
      await expect(page.getByTestId("monthly-charges-chart")).toBeVisible();
      await sim.fault({ path: "/charges_summary", status: 500 });
      await page.goto(`/charges?start=${day(-3, 2)}&end=${day(-3, 9)}`);
      await expect(summaryCard(page).getByRole("alert")).toContainText("Couldn't load the charges summary", { timeout: 30_000 });
      await expect(summaryCard(page).getByRole("alert")).toContainText("HTTP 500");
      await expect(page.getByTestId("comparison-card").getByRole("alert")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("monthly-charges-card").getByRole("alert")).toHaveCount(0);
      await expect(page.getByTestId("breakdown-count")).toContainText("numbers");

      await sim.clearFaults();
      await summaryCard(page).getByRole("button", { name: "Try again" }).click();
      await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
    });

    test("charges breakdown down: only the breakdown fails", async ({ page, sim }) => {
      await sim.fault({ path: "/charges_breakdown", status: 503 });
      await page.goto(`/charges?start=${day(-4, 5)}&end=${day(-4, 12)}`);
      const card = page.getByTestId("breakdown-card");
      await expect(card.getByRole("alert")).toContainText("Couldn't load the charges by number", { timeout: 30_000 });
      await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
      await expect(summaryCard(page).getByRole("alert")).toHaveCount(0);
    });

    test("the 12-month chart shows its own error when its months can't be read", async ({ page, sim }) => {
      await page.goto(`/charges?start=${day(-5, 5)}&end=${day(-5, 12)}`);
      await expect(summaryTable(page).locator('tr[data-alias="grand_total"]')).toBeVisible();
      // A contract break, which the server's stale-on-error fallback does not hide; the months
      // are cached for 60 s, so reload until the chart's read reaches the simulator.
      await sim.fault({ path: "/charges_summary", status: 200, body: { data: { unexpected: true } } });
      const chart = page.getByTestId("monthly-charges-card");
      await expect(async () => {
        await page.reload();
        await expect(chart.getByRole("alert")).toContainText("Couldn't load the monthly charges", { timeout: 15_000 });
      }).toPass({ timeout: 100_000, intervals: [1_000] });
      await expect(page.getByTestId("breakdown-card").getByRole("alert")).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 1, name: "Charges" })).toBeVisible();
    });
  });
});
