import type { Locator, Page } from "@playwright/test";
import { test, expect, storageStateFor, type SimControls } from "./fixtures";

// A reply that breaks Telnyx's published contract. The dashboard answers a failing *transient*
// upstream (5xx, 429) with its last good value for a while (stale-on-error), so a 500 would not
// reach a card that was read recently; a contract break is never papered over.
const BROKEN = { status: 200, body: { data: { unexpected: true } } };

const cards = (page: Page) => ({
  balance: page.getByTestId("balance-card"),
  runway: page.getByTestId("runway-card"),
  monthToDate: page.getByTestId("month-to-date-card"),
  trend: page.getByTestId("charges-trend-card"),
  autoRecharge: page.getByTestId("auto-recharge-card"),
  invoices: page.getByTestId("latest-invoices-card"),
});

/**
 * Breaks one upstream path, then reloads until `failing` shows its error state. Reads are cached
 * for their TTL (10 s balance and auto-recharge, 60 s charges and invoices), so the first reloads
 * may still be served from the cache.
 */
async function breakUntilError(page: Page, sim: SimControls, path: string, failing: Locator) {
  await sim.fault({ path, ...BROKEN });
  await expect(async () => {
    await page.reload();
    await expect(failing.getByRole("alert")).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 100_000, intervals: [1_000] });
}

async function expectHealthy(card: Locator) {
  await expect(card.getByRole("alert")).toHaveCount(0);
  await expect(card.getByRole("status")).toHaveCount(0); // not stuck loading
}

test.describe("overview", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("every card loads with data from the simulator", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const c = cards(page);

    // Balance: the shown figure is exactly what /api/balance says.
    const balance = (await (await page.request.get("/api/balance")).json()).data;
    const shown = page.getByTestId("balance-amount");
    await expect(shown).toHaveText(/\d+\.\d{2}/);
    const onCreditLine = String(balance.balance).startsWith("-");
    await expect(shown).toHaveAttribute("data-amount", onCreditLine ? balance.available_credit : balance.balance);
    await expect(c.balance.getByText("Credit limit")).toBeVisible();
    await expect(c.balance.getByText("Pending")).toBeVisible();

    await expect(c.monthToDate.getByTestId("month-to-date-total")).toHaveText(/\d+\.\d{2}/);
    await expect(c.runway.getByTestId("runway")).toContainText(/days of available credit|Not enough spend|No available credit/);
    await expect(c.trend.getByRole("img", { name: /Monthly charges from/ })).toBeVisible();
    await expect(c.autoRecharge.getByTestId("auto-recharge-state")).toContainText(/On|Off/);
    await expect(c.invoices.getByRole("listitem")).toHaveCount(5);
    await expect(c.invoices.getByRole("link", { name: /Download the PDF of the/ }).first()).toHaveAttribute("href", /\/api\/invoices\/[0-9a-f-]{36}\/pdf$/);

    // The shell: the account's currency, the user and the sign-out button.
    await expect(page.getByTitle("Account currency")).toHaveText(balance.currency);
    await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeVisible();
  });

  test("the runway follows the ledger's trailing daily spend (or this month's average without it) and names the top-up", async ({ page }) => {
    await page.goto("/");
    const runway = page.getByTestId("runway");
    await expect(runway).toBeVisible();
    const [balance, prefs] = await Promise.all([
      page.request.get("/api/balance").then((r) => r.json()),
      page.request.get("/api/auto-recharge").then((r) => r.json()),
    ]);
    const text = (await runway.textContent()) ?? "";
    if (/days of available credit/.test(text)) {
      await expect(runway).toContainText(/At (this month's|the trailing (7|30)-day) average of .+ a day/);
      await expect(runway).toContainText(/Runs out around/);
      if (prefs.data.enabled) await expect(page.getByTestId("runway-auto-recharge")).toContainText("Auto-recharge is on");
      else await expect(page.getByTestId("runway-auto-recharge")).toHaveCount(0);
    } else {
      expect(text, `balance ${JSON.stringify(balance.data)}`).toMatch(/Not enough spend|No available credit/);
    }
  });

  test("a finance user sees only the finance sections", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("finance") });
    const page = await context.newPage();
    try {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const name of ["Overview", "Charges", "Invoices"]) await expect(nav.getByRole("link", { name })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
      await expect(page.getByTestId("auto-recharge-card").getByRole("link", { name: "See billing settings" })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test.describe("one failing upstream call breaks only its own cards", () => {
    test.describe.configure({ timeout: 150_000 });

    test("balance: the balance and runway cards fail, the rest stays", async ({ page, sim }) => {
      await page.goto("/");
      const c = cards(page);
      await breakUntilError(page, sim, "/balance", c.balance);
      await expect(c.balance.getByRole("alert")).toContainText("Couldn't load the balance");
      await expect(c.balance.getByRole("alert")).toContainText("did not match its published contract");
      await expect(c.runway.getByRole("alert")).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      for (const card of [c.monthToDate, c.trend, c.autoRecharge, c.invoices]) await expectHealthy(card);
      await expect(page.getByTestId("month-to-date-total")).toHaveText(/\d/);

      // Once Telnyx answers again, "Try again" brings the card back.
      await sim.clearFaults();
      await c.balance.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByTestId("balance-amount")).toHaveText(/\d+\.\d{2}/);
    });

    test("auto-recharge: only its card fails; the runway still estimates", async ({ page, sim }) => {
      await page.goto("/");
      const c = cards(page);
      await breakUntilError(page, sim, "/payment/auto_recharge_prefs", c.autoRecharge);
      await expect(c.autoRecharge.getByRole("alert")).toContainText("Couldn't load the auto-recharge settings");
      for (const card of [c.balance, c.monthToDate, c.trend, c.invoices]) await expectHealthy(card);
      await expect(c.runway.getByTestId("runway")).toBeVisible();
      await expect(c.runway.getByRole("alert")).toHaveCount(0);
    });

    test("charges summary: this month, the trend and the runway fail; balance and invoices stay", async ({ page, sim }) => {
      await page.goto("/");
      const c = cards(page);
      await breakUntilError(page, sim, "/charges_summary", c.monthToDate);
      await expect(c.monthToDate.getByRole("alert")).toContainText("Couldn't load this month's charges");
      await expect(c.trend.getByRole("alert")).toContainText("Couldn't load the charges trend", { timeout: 15_000 });
      await expect(c.runway.getByRole("alert")).toBeVisible({ timeout: 15_000 });
      for (const card of [c.balance, c.autoRecharge, c.invoices]) await expectHealthy(card);
      await expect(page.getByTestId("balance-amount")).toHaveText(/\d/);
    });

    test("invoices: only the latest invoices card fails", async ({ page, sim }) => {
      await page.goto("/");
      const c = cards(page);
      await breakUntilError(page, sim, "/invoices", c.invoices);
      await expect(c.invoices.getByRole("alert")).toContainText("Couldn't load the latest invoices");
      for (const card of [c.balance, c.runway, c.monthToDate, c.trend, c.autoRecharge]) await expectHealthy(card);
    });
  });
});
