import { execFileSync } from "node:child_process";
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { E2E } from "./env";
import { test, expect, storageStateFor } from "./fixtures";

// The pages built on the ledger: the overview's balance history and daily spend, the usage page's
// cost per day with its CSV, and the searches over the kept audit log and webhook deliveries. The
// e2e servers run with the worker off, so the spec fills the ledger itself with `npm run sync --
// --once` (the cron form) against the same database and simulator.
test.describe.configure({ mode: "serial", timeout: 300_000 });

async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test.describe("ledger views", () => {
  test.use({ storageState: storageStateFor("owner") });

  test.beforeAll(() => {
    for (const stream of ["balance", "usage", "audit_events", "webhook_deliveries"])
      execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync.ts", "--once", "--stream", stream], {
        env: { ...process.env, ...E2E.dashboardEnv, LEDGER_BACKFILL_DAYS: "35", SYNC_MAX_CALLS_PER_MINUTE: "100000" },
        stdio: ["ignore", "ignore", "inherit"],
        timeout: 240_000,
      });
  });

  test("overview: balance history (reconstructed days labelled, 30/90 days), daily spend, and the runway's trailing rate", async ({ page }) => {
    await page.goto("/");
    const history = page.getByTestId("balance-history-card");
    // The charts mount when scrolled into view (components/charts/lazy.tsx).
    await history.scrollIntoViewIfNeeded();
    await expect(history.getByTestId("balance-history-chart")).toBeVisible({ timeout: 30_000 }); // recharts loads after the first paint
    await expect(history.getByTestId("balance-history-note")).toContainText(/reconstructed/);
    await history.getByRole("tab", { name: "90 days" }).click();
    await expect(history.getByRole("tab", { name: "90 days" })).toHaveAttribute("aria-selected", "true");
    await expect(history.getByTestId("balance-history-chart")).toBeVisible({ timeout: 30_000 }); // recharts loads after the first paint
    await page.getByTestId("daily-spend-card").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("daily-spend-card").getByTestId("daily-spend-chart")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("runway-basis")).toContainText(/the trailing (7|30)-day average of .+ a day, the higher of the last 7 days/i);
    await expectAxeClean(page);
  });

  test("usage: cost per day by type and by tag for a range past 31 days, and its CSV", async ({ page }) => {
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/usage?view=daily&from=${from}`);
    const view = page.getByTestId("cost-per-day");
    const table = view.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(42 + 1); // header, 41 days (to = tomorrow), total
    await expect(table.getByRole("rowheader", { name: "Total" })).toBeVisible();
    await expectAxeClean(page);

    await view.getByRole("combobox").selectOption("tag");
    await expect(table.getByRole("columnheader", { name: "Untagged" })).toBeVisible();
    const download = page.waitForEvent("download");
    await view.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^cost-per-day-by-tag-${from}-to-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = fs.readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "");
    expect(csv.split("\r\n")[0]).toBe("date,tag,count,cost,currency");
    // Yesterday's whole day is in (today's may have no usage yet just after midnight).
    expect(csv).toContain(`\r\n${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)},`);
    // Every day the ledger holds in the range, and none outside it. The ledger holds 35 days here,
    // or from the start of last month when close.spec.ts synced first (28 days at the least).
    const dates = [...new Set(csv.split("\r\n").slice(1).filter(Boolean).map((line) => line.slice(0, 10)))];
    expect(dates.length).toBeGreaterThanOrEqual(28);
    expect(dates.every((d) => d >= from)).toBe(true);
  });

  test("audit log and webhooks: search over the dashboard's copy, labelled with the last sync", async ({ page }) => {
    await page.goto("/audit-log?tab=kept");
    const kept = page.getByTestId("kept-audit-events");
    await expect(kept.getByTestId("kept-label")).toContainText(/The dashboard's copy.*Last synced/);
    await expect(kept.getByRole("table").getByRole("row").nth(1)).toBeVisible();
    await kept.getByRole("searchbox", { name: "Search" }).fill("zz-no-such-thing-zz");
    await kept.getByRole("button", { name: "Search" }).click();
    await expect(kept.getByText("No kept audit events match")).toBeVisible();
    await expectAxeClean(page);

    await page.goto("/webhooks");
    const deliveries = page.getByTestId("kept-webhook-deliveries");
    await expect(deliveries.getByTestId("kept-label")).toContainText(/The dashboard's copy.*Last synced/);
    await deliveries.getByRole("searchbox", { name: "Search" }).fill("failed");
    await deliveries.getByRole("button", { name: "Search" }).click();
    await expect(deliveries.getByRole("status")).toContainText(/webhook deliveries · page 1 of/);
    await expectAxeClean(page);
  });
});
