import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import Big from "big.js";
import { parseCsvObjects } from "../lib/usage/csv";
import { E2E } from "./env";
import { test, expect, storageStateFor } from "./fixtures";

type Rec = Record<string, unknown>;
type List = { data: Rec[]; meta: { total_results: number; total_pages: number } };

async function records(request: APIRequestContext, query: Record<string, string | number>): Promise<List> {
  const res = await request.get(`/api/detail-records?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()) as List;
}

/** Every record of a query, straight from the simulator (pages of 50, its cap). */
async function simWalk(request: APIRequestContext, type: string, range: string): Promise<Rec[]> {
  const out: Rec[] = [];
  for (let p = 1; ; p++) {
    const res = await request.get(
      `${E2E.simURL}/v2/detail_records?filter[record_type]=${type}&filter[date_range]=${range}&page[number]=${p}&page[size]=50`,
      { headers: { authorization: `Bearer ${E2E.apiKey}` } },
    );
    const body = (await res.json()) as List;
    out.push(...body.data);
    if (p >= body.meta.total_pages) return out;
  }
}

const rows = (page: Page) => page.getByTestId("usage-row");
const status = (page: Page) => page.getByTestId("export-status");

const COLUMNS: Record<string, string[]> = {
  messaging: ["Time", "Direction", "From", "To", "Country", "Status", "Parts", "Rate", "Cost", "Currency", "Tags"],
  conference: ["Started", "Ended", "Name", "Region", "Duration (s)", "Participants", "Participant time (s)", "Billable"],
  "conference-participant": ["Joined", "Left", "From", "To", "Duration (s)", "Billed (s)", "Rate", "Per", "Cost", "Currency"],
  amd: ["Time", "Feature", "Connection", "Billing group", "Rate", "Per", "Cost", "Currency", "Tags"],
  verify: ["Time", "To", "Channel", "Delivery", "Verification", "Rate", "Per", "Cost", "Currency"],
  wireless: ["Started", "Closed", "Number", "SIM group", "Up", "Down", "Unit", "Rate", "Cost", "Currency", "Tags"],
  media_storage: ["Time", "Action", "Asset", "Status", "Channel", "Rate", "Per", "Cost", "Currency"],
};

test.describe("usage records (owner)", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("searches each record type with columns that fit it", async ({ page }) => {
    await page.goto("/usage?range=last_90_days");
    await expect(rows(page).first()).toBeVisible();
    for (const [type, labels] of Object.entries(COLUMNS)) {
      const api = await records(page.request, { record_type: type, date_range: "last_90_days", size: 50 });
      await page.getByRole("combobox", { name: /^Record type/ }).selectOption(type);
      // The default type (messaging) is left out of the URL.
      if (type !== "messaging") await expect(page).toHaveURL(new RegExp(`type=${type}`));
      await expect(page.getByTestId("usage-total")).toHaveText(api.meta.total_results.toLocaleString("en-US"));
      const headers = (await page.getByTestId("usage-table").locator("thead th").allTextContents()).slice(0, -1);
      expect(headers, type).toEqual(labels);
      await expect(rows(page)).toHaveCount(Math.min(50, api.meta.total_results));
    }
    // A type this account never used: an empty result, not an error.
    await page.getByRole("combobox", { name: /^Record type/ }).selectOption("fax");
    await expect(page.getByText("No records")).toBeVisible();
  });

  test("date ranges: presets and last N days, in the URL", async ({ page }) => {
    await page.goto("/usage");
    await page.getByRole("combobox", { name: /^Date range/ }).selectOption("this_month");
    await expect(page).toHaveURL(/range=this_month/);
    const month = await records(page.request, { record_type: "messaging", date_range: "this_month", size: 1 });
    await expect(page.getByTestId("usage-total")).toHaveText(month.meta.total_results.toLocaleString("en-US"));

    await page.getByRole("combobox", { name: /^Date range/ }).selectOption("custom");
    await page.getByLabel("Days (1–999)").fill("12");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/range=last_12_days/);
    const twelve = await records(page.request, { record_type: "messaging", date_range: "last_12_days", size: 1 });
    await expect(page.getByTestId("usage-total")).toHaveText(twelve.meta.total_results.toLocaleString("en-US"));
    await page.getByLabel("Days (1–999)").fill("1000");
    await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();
  });

  test("pages of 50, with totals of what is loaded", async ({ page }) => {
    const [p1, p2] = [
      await records(page.request, { record_type: "messaging", date_range: "last_30_days", size: 50, page: 1 }),
      await records(page.request, { record_type: "messaging", date_range: "last_30_days", size: 50, page: 2 }),
    ];
    await page.goto("/usage?type=messaging&range=last_30_days");
    await expect(rows(page)).toHaveCount(50);
    const sum = (rs: Rec[]) => rs.reduce((s, r) => s.plus(String(r.cost ?? "0")), new Big(0));
    await expect(page.getByTestId("usage-cost-USD")).toHaveAttribute("title", `${sum(p1!.data).toFixed()} USD`);
    await page.getByRole("button", { name: "Load 50 more" }).click();
    await expect(rows(page)).toHaveCount(100);
    await expect(page.getByTestId("usage-loaded")).toHaveText("100");
    await expect(page.getByTestId("usage-cost-USD")).toHaveAttribute("title", `${sum([...p1!.data, ...p2!.data]).toFixed()} USD`);
    // Every field of a record is one click away.
    await rows(page).first().getByRole("button", { name: "All fields" }).click();
    await expect(page.getByRole("list", { name: "Record 1, all fields" })).toContainText(String(p1!.data[0]!.uuid));
  });

  test("an opened record closes when the filters change (rows are keyed by record, not position)", async ({ page }) => {
    await page.goto("/usage?type=messaging&range=last_90_days");
    await rows(page).first().getByRole("button", { name: "All fields" }).click();
    await expect(page.getByRole("list", { name: "Record 1, all fields" })).toBeVisible();
    // The default range: the URL drops the parameter rather than naming it.
    await page.getByRole("combobox", { name: /^Date range/ }).selectOption("last_30_days");
    await expect(page).not.toHaveURL(/range=last_90_days/);
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByRole("list", { name: /all fields/ })).toHaveCount(0);
    await expect(rows(page).first().getByRole("button", { name: "All fields" })).toHaveAttribute("aria-expanded", "false");
  });

  test("filters by user tag", async ({ page }) => {
    const tags = (await (await page.request.get("/api/user-tags")).json()) as { data: { number_tags?: string[] } };
    const tag = tags.data.number_tags!.find((t) => t.toLowerCase() === "support") ?? tags.data.number_tags![0]!;
    const api = await records(page.request, { record_type: "messaging", date_range: "last_30_days", tags: tag, size: 50 });
    await page.goto("/usage?type=messaging&range=last_30_days");
    await page.getByRole("combobox", { name: /^User tag/ }).selectOption(tag);
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(page.getByTestId("usage-total")).toHaveText(api.meta.total_results.toLocaleString("en-US"));
    expect(api.meta.total_results).toBeGreaterThan(0);
    for (const text of await rows(page).locator("td:nth-child(11)").allTextContents()) expect(text.toLowerCase()).toContain(tag.toLowerCase());
    // Record types without user tags can't be filtered by one.
    await page.getByRole("combobox", { name: /^Record type/ }).selectOption("conference");
    await expect(page.getByRole("combobox", { name: /^User tag/ })).toBeDisabled();
  });

  test("export cancel stops the walk and says so", async ({ page, sim }) => {
    await page.goto("/usage?type=messaging&range=last_90_days");
    await expect(rows(page).first()).toBeVisible();
    await sim.fault({ path: "/detail_records", latencyMs: 250, times: 1000 });
    await page.getByRole("button", { name: "Export CSV" }).click();
    await expect(status(page)).toContainText(/[1-9][\d,]* of [\d,]+ rows/, { timeout: 20_000 });
    await page.getByRole("button", { name: "Cancel export" }).click();
    await expect(status(page)).toContainText(/Export cancelled after [\d,]+ rows\. No file was saved\./);
    await page.waitForTimeout(600);
    const after = await sim.count("/detail_records");
    await page.waitForTimeout(1500);
    expect(await sim.count("/detail_records")).toBe(after);
  });

  test("an export that fails midway says so instead of saving a short file", async ({ page, sim }) => {
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.goto("/usage?type=messaging&range=last_90_days");
    await expect(rows(page).first()).toBeVisible();
    await sim.fault({ path: "/detail_records", latencyMs: 150, times: 1000 });
    await page.getByRole("button", { name: "Export CSV" }).click();
    await expect(status(page)).toContainText(/[1-9][\d,]* of [\d,]+ rows/, { timeout: 20_000 });
    await sim.fault({ path: "/detail_records", status: 400, times: 100 });
    await expect(status(page)).toContainText(/Export failed after [\d,]+ rows\./, { timeout: 30_000 });
    expect(downloaded).toBe(false);
  });

  test("an export Telnyx refuses at once reports the reason", async ({ page, sim }) => {
    await page.goto("/usage?type=messaging&range=last_60_days");
    await sim.fault({ path: "/detail_records", status: 401, times: 20 });
    await page.getByRole("button", { name: "Export CSV" }).click();
    await expect(status(page)).toContainText(/Export failed after 0 rows\. .*API key/);
  });

  test("shows the error state when Telnyx fails, and recovers", async ({ page, sim }) => {
    await sim.fault({ path: "/detail_records", status: 500, times: 100 });
    await page.goto("/usage?type=verify&range=last_45_days");
    const alert = page.getByRole("alert").filter({ hasText: "Couldn't load usage records" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await sim.clearFaults();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(rows(page).first()).toBeVisible();
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/usage?type=messaging&range=last_30_days");
    await expect(rows(page).first()).toBeVisible();
    await rows(page).first().getByRole("button", { name: "All fields" }).click();
    const bad = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  });
});

test.describe("usage records (finance)", () => {
  test.use({ storageState: storageStateFor("finance") });

  test("exports a few thousand records whose count and cost match the API", async ({ page, request }) => {
    const expected = await simWalk(request, "messaging", "last_90_days");
    expect(expected.length).toBeGreaterThan(1000);
    const cost = expected.reduce((s, r) => s.plus(String(r.cost ?? "0")), new Big(0));

    await page.goto("/usage?type=messaging&range=last_90_days");
    await expect(rows(page).first()).toBeVisible();
    const downloadPromise = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Export CSV" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("usage-messaging-last_90_days.csv");
    await expect(status(page)).toContainText(`Exported ${expected.length.toLocaleString("en-US")} rows`);
    const csv = parseCsvObjects(await readFile((await download.path())!, "utf8"));
    expect(csv).toHaveLength(expected.length);
    expect(csv.reduce((s, r) => s.plus(r.cost || "0"), new Big(0)).toFixed()).toBe(cost.toFixed());
    expect(new Set(csv.map((r) => r.uuid)).size).toBe(expected.length);
    expect(csv[0]!.uuid).toBe(expected[0]!.uuid);
  });
});
