import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, sameOrigin, storageStateFor, test } from "./fixtures";

const axeSerious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`);

test.describe("alerts (owner)", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("create a rule with its preview, send a test, mute it; the page passes axe", async ({ page }) => {
    const name = `Budget ${Date.now()}`;
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    // The built-in rule is always there.
    await expect(page.getByTestId("alert-rule").filter({ hasText: "Ledger sync stopped" })).toBeVisible();

    await page.getByRole("button", { name: "New rule" }).click();
    const form = page.getByRole("form", { name: "New alert rule" });
    await form.getByLabel("Kind").selectOption("budget");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Monthly budget").fill("500.00");
    await form.getByLabel("Send to").selectOption("email");
    await form.getByLabel("Email addresses").fill("finance@example.com");
    await expect(page.getByTestId("rule-preview")).toHaveText(
      "Email finance@example.com when this month's spend reaches 50%, 80% or 100% of $500.00, or is forecast to pass $500.00.",
    );
    // A bad amount is refused by the server with the field named.
    await form.getByLabel("Monthly budget").fill("-1");
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(form.getByText(/params\.amount: must be the budget as a decimal string/i).first()).toBeVisible();
    await form.getByLabel("Monthly budget").fill("500.00");
    await form.getByLabel("Send to").selectOption("log");
    await form.getByRole("button", { name: "Save rule" }).click();

    const rule = page.getByTestId("alert-rule").filter({ hasText: name });
    await expect(rule).toContainText("ok");
    await expect(rule).toContainText("Write to the server log when this month's spend reaches 50%, 80% or 100% of $500.00");
    expect(await axeSerious(page)).toEqual([]);

    await rule.getByRole("button", { name: "Send a test" }).click();
    await expect(rule.getByTestId("test-result")).toHaveText("log: sent");
    await expect(rule).toContainText("last delivery sent (log");

    await rule.getByLabel(`Mute ${name} for`).selectOption("8");
    await rule.getByRole("button", { name: "Mute" }).click();
    await expect(rule).toContainText("muted until");
    await expect(rule.getByRole("button", { name: "Unmute" })).toBeVisible();
    expect(await axeSerious(page)).toEqual([]);
  });

  test("POST /api/alerts/evaluate answers the fired and resolved rule ids", async ({ page }) => {
    const res = await page.request.post("/api/alerts/evaluate", { headers: sameOrigin });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ data: { fired: expect.any(Array), resolved: expect.any(Array) } });
  });
});

test.describe("alerts (finance)", () => {
  test.use({ storageState: storageStateFor("finance") });

  test("finance sees the rules read-only", async ({ page }) => {
    await page.goto("/alerts");
    await expect(page.getByText("You can view the rules. Only an account owner can change them.")).toBeVisible();
    await expect(page.getByRole("button", { name: "New rule" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send a test" })).toHaveCount(0);
    expect((await page.request.post("/api/alerts/evaluate", { headers: sameOrigin })).status()).toBe(403);
    expect(await axeSerious(page)).toEqual([]);
  });
});
