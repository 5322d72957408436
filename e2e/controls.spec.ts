// Issue #15 in the browser: API tokens (created once, used by a script, revoked) and two-person
// approval (policy on billing settings, a payment above the limit waits, another owner approves
// it on /approvals). Both pages pass axe.
import AxeBuilder from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { E2E } from "./env";
import { expect, sameOrigin, storageStateFor, test } from "./fixtures";

const axeSerious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`);

const PAY_PATH = "/payment/stored_payment_transactions";
const SECOND_OWNER = { email: "owner2@e2e.test", password: "owner2-password-e2e-1" };

/** The users CLI on the e2e database, as an operator would run it. */
function usersCli(args: string[], input?: string) {
  return spawnSync("node_modules/.bin/tsx", ["scripts/users.ts", ...args], {
    env: { ...process.env, ...E2E.dashboardEnv },
    input,
    encoding: "utf8",
  });
}

/**
 * PUT /api/approvals/policy, sent again once if the connection was reset before any answer (an
 * idle keep-alive socket the server had just closed, seen on a loaded machine).
 */
async function putPolicy(request: APIRequestContext, data: { payments_above: string | null; auto_recharge: boolean }) {
  const put = () => request.put("/api/approvals/policy", { data, headers: sameOrigin });
  try {
    return await put();
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return put();
  }
}

/**
 * A second owner (made with the users CLI, signed in in a context of their own) for `run`; then the
 * policy is put back to none (which needs their approval) and they are disabled again.
 */
async function withSecondOwner(page: Page, browser: Browser, run: (other: BrowserContext) => Promise<void>) {
  usersCli(["add", "--email", SECOND_OWNER.email, "--role", "owner", "--password-stdin"], SECOND_OWNER.password); // already there on a retry
  usersCli(["enable", "--email", SECOND_OWNER.email]);
  const other = await browser.newContext({ baseURL: E2E.baseURL, storageState: undefined });
  try {
    const login = await other.request.post("/api/auth/login", { data: SECOND_OWNER, headers: sameOrigin });
    expect(login.status(), await login.text()).toBe(204);
    await run(other);
  } finally {
    const change = await putPolicy(page.request, { payments_above: null, auto_recharge: false });
    if (change.status() === 202) {
      const { data } = await change.json();
      const approved = await other.request.post(`/api/approvals/${data.approval_id}/approve`, { headers: sameOrigin });
      expect((await approved.json()).data.status).toBe("succeeded");
    }
    await other.close();
    usersCli(["disable", "--email", SECOND_OWNER.email]);
  }
}

test.describe("API tokens (finance)", () => {
  test.use({ storageState: storageStateFor("finance") });

  test("create one (shown once), a script uses it within its role and scope, revoke it; the page passes axe", async ({ page, playwright }) => {
    const name = `export script ${Date.now()}`;
    await page.goto("/settings/tokens");
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "New API token" });
    // A finance user cannot pick a higher role.
    await expect(form.getByLabel("Role").locator("option")).toHaveText(["Finance (read billing data)"]);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText("Give the token a name.")).toBeVisible();
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Scope").selectOption("read");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^tbd_[A-Za-z0-9_-]{43}$/);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole("button", { name: "Done, I saved it" }).click();
    await expect(page.getByTestId("new-token")).toHaveCount(0);

    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 12));
    await expect(row).not.toContainText(token);
    await expect(row).toContainText("active");

    // A script: no cookie, no Origin, just the bearer token.
    const script = await playwright.request.newContext({ baseURL: E2E.baseURL });
    try {
      const auth = { authorization: `Bearer ${token}` };
      expect((await script.get("/api/balance", { headers: auth })).status()).toBe(200);
      expect((await script.get("/api/action-log", { headers: auth })).status()).toBe(403); // owner route
      expect((await script.post("/api/payments", { headers: { ...auth, "idempotency-key": `e2e-token-${Date.now()}-x` }, data: { amount: "5.00" } })).status()).toBe(403);
      expect((await script.get("/api/tokens", { headers: auth })).status()).toBe(403); // sessions only

      await page.reload();
      await expect(row).toContainText("from ");
      await row.getByRole("button", { name: `Revoke ${name}` }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText("refused from their next request");
      await dialog.getByRole("button", { name: "Revoke token" }).click();
      await expect(row).toContainText("revoked");
      expect((await script.get("/api/balance", { headers: auth })).status()).toBe(401);
    } finally {
      await script.dispose();
    }
    expect(await axeSerious(page)).toEqual([]);
  });
});

test.describe("sessions (owner)", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("an owner signs another user out everywhere: their session is refused at once", async ({ page, browser }) => {
    const user = { email: "signed-out@e2e.test", password: "signed-out-password-e2e-1" };
    usersCli(["add", "--email", user.email, "--role", "finance", "--password-stdin"], user.password); // already there on a retry
    const theirs = await browser.newContext({ baseURL: E2E.baseURL, storageState: undefined });
    try {
      expect((await theirs.request.post("/api/auth/login", { data: user, headers: sameOrigin })).status()).toBe(204);
      expect((await theirs.request.get("/api/balance")).status()).toBe(200);
      await page.goto("/settings/tokens");
      const form = page.getByRole("form", { name: "Sign out a user everywhere" });
      await form.getByLabel("User's email").fill(user.email);
      await form.getByRole("button", { name: "Sign this user out everywhere" }).click();
      await expect(form.getByRole("status")).toHaveText(`${user.email} was signed out of 1 session.`);
      expect((await theirs.request.get("/api/balance")).status()).toBe(401);
      expect(await axeSerious(page)).toEqual([]);
    } finally {
      await theirs.close();
    }
  });
});

test.describe("approvals (owners)", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("a payment above the policy's limit waits; another owner approves it on /approvals; it is charged once", async ({ page, browser, sim }) => {
    await withSecondOwner(page, browser, async (other) => {
      const otherPage = await other.newPage();
      // The policy, set on billing settings (none in force yet: it applies at once).
      await page.goto("/settings/billing");
      const policy = page.getByRole("form", { name: "Approval policy" });
      await expect(policy.getByTestId("policy-summary")).toContainText("No approval policy");
      await policy.getByLabel("Payments above a limit need a second owner").check();
      await policy.getByLabel(/^Limit/).fill("9000.00");
      await policy.getByRole("button", { name: "Save policy" }).click();
      await expect(page.getByText("Policy saved.")).toBeVisible();
      await expect(policy.getByTestId("policy-summary")).toContainText("payments above $9,000.00 need a second owner");

      // A payment above it: sent for approval, nothing charged.
      await sim.clearRequests();
      const addFunds = page.getByRole("form", { name: "Add funds" });
      await addFunds.getByLabel(/^Amount/).fill("9500.00");
      await addFunds.getByRole("button", { name: /^Add \$/ }).click();
      await page.getByRole("dialog").getByRole("button", { name: /^Charge / }).click();
      await expect(page.getByTestId("sent-for-approval")).toContainText("a payment of $9500.00");
      expect(await sim.count(PAY_PATH, "POST")).toBe(0);

      // The overview shows it to owners; the requester cannot approve their own.
      await page.goto("/");
      await expect(page.getByTestId("pending-approvals")).toContainText("a payment of $9500.00");
      await page.goto("/approvals");
      const mine = page.getByTestId("pending-approval").filter({ hasText: "$9500.00" });
      await expect(mine.getByRole("button", { name: "Cancel request" })).toBeVisible();
      await expect(mine.getByRole("button", { name: "Approve" })).toHaveCount(0);
      expect(await axeSerious(page)).toEqual([]);

      // The second owner approves it: charged once, and the requester sees it done.
      await otherPage.goto("/approvals");
      const theirs = otherPage.getByTestId("pending-approval").filter({ hasText: "$9500.00" });
      await theirs.getByRole("button", { name: "Approve" }).click();
      await expect(otherPage.getByTestId("past-approval").filter({ hasText: "$9500.00" })).toContainText("Done");
      expect(await axeSerious(otherPage)).toEqual([]);
      expect(await sim.count(PAY_PATH, "POST")).toBe(1);
      await page.reload();
      await expect(page.getByTestId("past-approval").filter({ hasText: "$9500.00" }).first()).toContainText("Done");
    });
  });

  test("under an auto-recharge policy a change waits, and is applied when another owner approves", async ({ page, browser, sim }) => {
    await withSecondOwner(page, browser, async (other) => {
      expect((await putPolicy(page.request, { payments_above: null, auto_recharge: true })).status()).toBe(200);
      const current = (await (await page.request.get("/api/auto-recharge")).json()).data;
      const next = current.threshold_amount.startsWith("321") ? "322.00" : "321.00";
      await page.goto("/settings/billing");
      const form = page.getByRole("form", { name: "Auto-recharge settings" });
      await form.getByLabel(/^Threshold/).fill(next);
      await form.getByRole("button", { name: "Review 1 change before saving" }).click();
      await sim.clearRequests();
      await page.getByRole("dialog").getByRole("button", { name: "Save 1 change" }).click();
      await expect(page.getByTestId("sent-for-approval")).toContainText(`threshold amount → $${next}`);
      expect(await sim.count("/payment/auto_recharge_prefs", "PATCH")).toBe(0);

      const pending = (await (await other.request.get("/api/approvals?status=pending")).json()).data;
      const request = pending.find((a: { kind: string }) => a.kind === "auto_recharge");
      const approved = await other.request.post(`/api/approvals/${request.id}/approve`, { headers: sameOrigin });
      expect((await approved.json()).data.status).toBe("succeeded");
      expect(await sim.count("/payment/auto_recharge_prefs", "PATCH")).toBe(1);
      await page.reload();
      await expect(form.getByLabel(/^Threshold/)).toHaveValue(next);
    });
  });

  test("without a policy nothing waits: the approvals page says so", async ({ page }) => {
    // Without a policy nothing waits: a payment is charged at once (behaviour unchanged).
    const res = await page.request.get("/api/approvals/policy");
    expect((await res.json()).data).toMatchObject({ payments_above: null, auto_recharge: false });
    await page.goto("/approvals");
    await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
    await expect(page.getByText("Nothing waits for approval")).toBeVisible();
  });
});
