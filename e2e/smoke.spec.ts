import { test, expect, storageStateFor } from "./fixtures";

test.describe("production build on the simulator", () => {
  test("health answers without a session and says nothing secret", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ data: { status: "ok", demo: false } });
  });

  test("a page without a session sends the visitor to the login page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
  });

  test.describe("signed in as owner", () => {
    test.use({ storageState: storageStateFor("owner") });

    test("the overview serves the balance from the simulator", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("balance-amount")).toHaveText(/\d+\.\d{2}/);
    });
  });
});
