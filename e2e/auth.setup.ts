import { test as setup, expect } from "@playwright/test";
import { E2E } from "./env";
import { storageStateFor, type Role } from "./fixtures";

// Logs in once per role through the login page and keeps the session for the other specs
// (the login throttle would refuse a login per test).
for (const role of Object.keys(E2E.users) as Role[]) {
  setup(`log in as ${role}`, async ({ page }) => {
    const { email, password } = E2E.users[role];
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
