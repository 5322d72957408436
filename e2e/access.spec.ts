import { PAGES } from "../lib/navigation";
import { E2E } from "./env";
import { expect, sameOrigin, storageStateFor, test } from "./fixtures";

const ownerOnly = PAGES.filter((p) => !(p.roles as readonly string[]).includes("finance"));

test.describe("without a session", () => {
  for (const page of PAGES) {
    test(`${page.href} redirects to the login page`, async ({ page: browser }) => {
      await browser.goto(page.href);
      await expect(browser).toHaveURL(/\/login/);
    });
  }

  test("API routes answer 401, and a forged cookie is no better", async ({ request }) => {
    expect((await request.get("/api/balance")).status()).toBe(401);
    const forged = await request.get("/api/balance", {
      headers: { cookie: "__Secure-dashboard.session_token=forged.value; dashboard.session_token=forged.value" },
    });
    expect(forged.status()).toBe(401);
  });

  test("login errors don't say whether the email exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@e2e.test");
    await page.getByLabel("Password").fill("wrong password 123");
    await page.getByRole("button", { name: /sign in/i }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).not.toBeEmpty();
    const unknownEmail = await alert.textContent();
    await page.goto("/login");
    await expect(alert).toBeEmpty();
    await page.getByLabel("Email").fill(E2E.users.owner.email);
    await page.getByLabel("Password").fill("wrong password 123");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(alert).toHaveText(unknownEmail!);
  });
});

test.describe("finance", () => {
  test.use({ storageState: storageStateFor("finance") });

  test("sees only its own sections in the navigation", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const p of PAGES) {
      const link = nav.getByRole("link", { name: p.label, exact: true });
      if (ownerOnly.includes(p)) await expect(link).toHaveCount(0);
      else await expect(link).toBeVisible();
    }
  });

  for (const page of ownerOnly) {
    test(`${page.href} typed in answers 403`, async ({ page: browser }) => {
      const response = await browser.goto(page.href);
      expect(response?.status()).toBe(403);
      await expect(browser.getByRole("heading", { name: /not available to your role/i })).toBeVisible();
    });
  }

  test("cannot write through the API, and nothing reaches Telnyx", async ({ request, sim }) => {
    await sim.clearRequests();
    const patch = await request.patch("/api/auto-recharge", { data: { enabled: false }, headers: sameOrigin });
    expect(patch.status()).toBe(403);
    const pay = await request.post("/api/payments", {
      data: { amount: "10.00" },
      headers: { ...sameOrigin, "idempotency-key": "finance-attempt-0000000001" },
    });
    expect(pay.status()).toBe(403);
    expect((await request.get("/api/audit-events")).status()).toBe(403);
    expect(await sim.count("/payment/auto_recharge_prefs", "PATCH")).toBe(0);
    expect(await sim.count("/payment/stored_payment_transactions", "POST")).toBe(0);
  });
});

test.describe("owner", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("sees every section", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const p of PAGES) await expect(nav.getByRole("link", { name: p.label, exact: true })).toBeVisible();
  });

  test("a navigation link says it is loading while a slow page is on its way", async ({ page }) => {
    await page.goto("/invoices");
    // The next page's server answer (its RSC payload) takes 1.5 s more.
    await page.route(/\/payments\?_rsc=/, async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Payments", exact: true }).click();
    await expect(nav.getByTestId("nav-pending")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible({ timeout: 20_000 });
    await expect(nav.getByTestId("nav-pending")).toHaveCount(0);
  });

  test("a page load prefetches no other page (links in cards and table rows included)", async ({ page }) => {
    const rsc: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("_rsc=")) rsc.push(r.url());
    });
    for (const path of ["/", "/invoices"]) {
      await page.goto(path);
      // Cards and rows with links are on screen (Next prefetches visible links once idle).
      await expect(page.locator("main a[href^='/charges']").first()).toBeVisible();
      await page.waitForLoadState("networkidle");
    }
    expect(rsc).toEqual([]);
    // A click still navigates.
    await page.locator("main a[href^='/charges?month=']").first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Charges" })).toBeVisible();
  });

  test("after login, ?next= never leaves the dashboard, and odd values still end on a page", async ({ page }) => {
    for (const next of ["/%09/evil.example/phish", "/%0A/x", "/%5C/evil.example", "https://evil.example/"]) {
      const res = await page.goto(`/login?next=${next}`);
      expect(res?.status(), next).toBeLessThan(400);
      expect(new URL(page.url()).origin, next).toBe(E2E.baseURL);
    }
    await page.goto("/login?next=/charges%3Fx%3D%C3%A9");
    await expect(page).toHaveURL(/\/charges\?x=%C3%A9$/);
  });

  test("a cross-site write is refused with 403 and never reaches Telnyx", async ({ request, sim }) => {
    await sim.clearRequests();
    const patch = await request.patch("/api/auto-recharge", {
      data: { enabled: false },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(patch.status()).toBe(403);
    const pay = await request.post("/api/payments", {
      data: { amount: "10.00" },
      headers: { origin: "https://evil.example", "idempotency-key": "cross-site-attempt-000001" },
    });
    expect(pay.status()).toBe(403);
    expect(await sim.count("/payment/auto_recharge_prefs", "PATCH")).toBe(0);
    expect(await sim.count("/payment/stored_payment_transactions", "POST")).toBe(0);
  });

  test("responses carry the security headers", async ({ request }) => {
    const res = await request.get("/login");
    const headers = res.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
  });
});
