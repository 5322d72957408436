import fs from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { parseCsv, readZip } from "../lib/close/testing";
import { E2E } from "./env";
import { test, expect, storageStateFor } from "./fixtures";

// The month close (#13) as the finance user: the ledger is filled for last month (the e2e server
// runs with the worker off), /close shows the reconciliation, the pack downloads with a manifest
// whose checksums match its files, and the month can be closed.
test.describe.configure({ mode: "serial", timeout: 300_000 });
test.use({ storageState: storageStateFor("finance") });

const today = new Date().toISOString().slice(0, 10);
const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1));
const month = first.toISOString().slice(0, 7);
const backfillDays = Math.ceil((Date.parse(today) - first.getTime()) / 86_400_000) + 1;

async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test.beforeAll(() => {
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync.ts", "--once"], {
    env: { ...process.env, ...E2E.dashboardEnv, LEDGER_BACKFILL_DAYS: String(backfillDays), SYNC_MAX_CALLS_PER_MINUTE: "100000" },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 280_000,
  });
});

test("finance reconciles last month, downloads the close pack (manifest matches its files) and closes the month", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/close?month=${month}`);
  const view = page.getByTestId("close-view");
  await expect(view.getByTestId("close-status")).toContainText("Reconciled: every check matches", { timeout: 30_000 });
  const table = view.getByTestId("reconciliation-table");
  for (const id of ["summary.grand_total", "breakdown.mrc", "usage.messaging", "invoice", "topups"])
    await expect(table.getByTestId(`check-${id}`)).toHaveAttribute("data-verdict", "ok");
  await expect(table.getByTestId("check-usage.messaging")).toContainText("± 1.00 allowed");
  await expect(table.getByTestId("check-summary.adjustments")).toContainText("$");
  await expectAxeClean(page);
  // The README's picture of the month close.
  fs.mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ fullPage: true, path: "docs/screenshots/close.png" });

  const download = page.waitForEvent("download");
  await view.getByRole("link", { name: "Download close pack" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`telnyx-close-${month}.zip`);
  const files = readZip(new Uint8Array(fs.readFileSync((await file.path())!)));
  const manifest = JSON.parse(new TextDecoder().decode(files.get("manifest.json")!));
  expect(manifest.month).toBe(month);
  expect(manifest.reconciliation.status).toBe("ok");
  expect(manifest.files.length).toBe(9);
  for (const f of manifest.files) expect(createHash("sha256").update(files.get(f.name)!).digest("hex"), f.name).toBe(f.sha256);
  const focus = parseCsv(new TextDecoder().decode(files.get(`focus-${month}.csv`)!));
  const grand = parseCsv(new TextDecoder().decode(files.get(`charges-summary-${month}.csv`)!)).rows.find((r) => r.alias === "grand_total")!.amount!;
  const billed = focus.rows.reduce((s, r) => s + Math.round(Number(r.BilledCost) * 100), 0);
  expect(billed).toBe(Math.round(Number(grand) * 100));

  await view.getByRole("button", { name: "Close month" }).click();
  await expect(view.getByTestId("close-closed")).toContainText(`by ${E2E.users.finance.email}`);
  await expect(page.getByText("No post-close changes")).toBeVisible();
  await expectAxeClean(page);
});

test("cost by tag on /usage: several tags, untagged, and the note on multi-tag records", async ({ page }) => {
  await page.goto(`/usage?view=tags&from=${month}-01&to=${today}`);
  const view = page.getByTestId("cost-by-tag");
  await expect(view.getByTestId("cost-by-tag-note")).toContainText("counted once under each of its tags");
  await expect(view.getByRole("row").filter({ hasText: "Untagged" })).toBeVisible();
  expect(await view.getByRole("row").count()).toBeGreaterThanOrEqual(5); // header, ≥ 3 tags, untagged
  await expectAxeClean(page);
});

test("on a phone (390 px) the close, payments and cost-by-tag pages fit the screen: tables scroll inside their card", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, ready] of [
    [`/close?month=${month}`, "reconciliation-table"],
    ["/payments", "payments-source"],
    ["/usage?view=tags", "cost-by-tag-note"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByTestId(ready)).toBeVisible({ timeout: 30_000 });
    const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(scroll, path).toBe(viewport);
  }
});
