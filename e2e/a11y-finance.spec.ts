import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, storageStateFor } from "./fixtures";

// The finance pages (overview, charges, invoices): no serious or critical accessibility problems,
// and a layout that works from a 390 px phone to a 1440 px screen. Screenshots are kept as test
// artifacts; the 1440 px overview and charges are also written to docs/screenshots for the README.

const PAGES = [
  { path: "/", name: "overview", ready: (page: Page) => expect(page.getByTestId("balance-amount")).toBeVisible() },
  {
    path: "/charges",
    name: "charges",
    ready: async (page: Page) => {
      await expect(page.getByTestId("monthly-charges-chart").locator("[data-bar]").first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId("breakdown-table")).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId("charge-type-chart").locator("[data-bar]").first()).toBeVisible({ timeout: 20_000 });
    },
  },
  { path: "/invoices", name: "invoices", ready: (page: Page) => expect(page.getByTestId("invoices-table")).toBeVisible() },
] as const;

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

test.describe("finance pages: accessibility and layout", () => {
  test.use({ storageState: storageStateFor("owner") });

  for (const { path, name, ready } of PAGES) {
    test(`${name}: no serious or critical accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    for (const scheme of ["dark"] as const) {
      test(`${name}: no serious or critical violations in ${scheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await ready(page);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  test("charges with the custom range form, its errors and a search open", async ({ page }) => {
    await page.goto("/charges");
    await page.getByRole("button", { name: "Custom range" }).click();
    await page.getByRole("form", { name: "Custom date range" }).getByRole("button", { name: "Show range" }).click();
    await expect(page.getByRole("form", { name: "Custom date range" }).getByText(/must be a date/i).first()).toBeVisible();
    await page.getByLabel("Search numbers").fill("local");
    await page.getByText("Show the figures as a table").click();
    await expect(page.getByTestId("breakdown-count")).toContainText("match");
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const width of [390, 1440]) {
    test(`layout at ${width} px: nothing overflows sideways, the navigation is reachable`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      for (const { path, name, ready } of PAGES) {
        await page.goto(path);
        await ready(page);
        const nav = page.getByRole("navigation", { name: "Main" });
        for (const label of ["Overview", "Charges", "Invoices"]) await expect(nav.getByRole("link", { name: label })).toBeVisible();
        await expect(page.getByRole("button", { name: "Sign out" }).filter({ visible: true })).toHaveCount(1);
        // Wide tables scroll inside their own region; the page itself never scrolls sideways.
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(innerWidth);
        const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}-${width}.png`) });
        await testInfo.attach(`${name}-${width}`, { body: shot, contentType: "image/png" });
        if (width === 1440 && (name === "overview" || name === "charges")) {
          await mkdir("docs/screenshots", { recursive: true });
          await page.screenshot({ fullPage: name === "overview", path: `docs/screenshots/${name}.png` });
        }
      }
    });
  }
});
