import fs from "node:fs";
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { E2E } from "./env";
import { test, expect, sameOrigin, storageStateFor } from "./fixtures";

// The Payments view (#17 item 3) as a finance user: a payment the owner made in the dashboard is
// named by email, one made outside it (straight to Telnyx, as the portal would) reads "Telnyx
// portal"; the source and freshness are stated; the CSV has the same rows. The e2e server runs
// with the worker off: the spec syncs the audit log itself.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test.use({ storageState: storageStateFor("finance") });

test("finance sees every top-up with who made it, where the data comes from, and its CSV", async ({ page, browser, playwright }) => {
  const owner = await browser.newContext({ storageState: storageStateFor("owner"), baseURL: E2E.baseURL });
  const paid = await owner.request.post("/api/payments", {
    data: { amount: "41.13" },
    headers: { ...sameOrigin, "Idempotency-Key": `e2e-payments-view-${Date.now()}` },
  });
  expect(paid.status()).toBe(200);
  await owner.close();
  const direct = await playwright.request.newContext();
  const portal = await direct.post(`${E2E.simURL}/v2/payment/stored_payment_transactions`, {
    data: { amount: "37.17" },
    headers: { authorization: `Bearer ${E2E.apiKey}` },
  });
  expect(portal.status()).toBe(200);
  await direct.dispose();
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync.ts", "--once", "--stream", "audit_events"], {
    env: { ...process.env, ...E2E.dashboardEnv, SYNC_MAX_CALLS_PER_MINUTE: "100000" },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 120_000,
  });

  await page.goto("/payments");
  const view = page.getByTestId("payments-view");
  await expect(view.getByTestId("payments-source")).toContainText(/ledger's copy of Telnyx's audit log \(last synced/);
  const table = view.getByRole("table");
  // Other specs pay as the owner too: this payment is the one of its (unusual) amount.
  const ownerRow = table.getByRole("row").filter({ hasText: "owner@e2e.test" }).filter({ hasText: "$41.13" });
  await expect(ownerRow).toContainText("$41.13");
  await expect(ownerRow).toContainText("Dashboard");
  await expect(ownerRow).toContainText("Telnyx audit log and dashboard action log");
  const portalRow = table.getByRole("row").filter({ hasText: "$37.17" });
  await expect(portalRow).toContainText("Telnyx portal");
  await expect(portalRow).toContainText("Not reported by Telnyx");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const download = page.waitForEvent("download");
  await view.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs.readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("at,amount,currency,who,kind,method,payment_id,balance_before,balance_after,seen_in");
  expect(lines.length - 1).toBe(await table.getByRole("row").count() - 1);
  expect(lines.some((l) => l.includes(",41.13,USD,owner@e2e.test,dashboard,"))).toBe(true);
  expect(lines.some((l) => l.includes(",37.17,USD,Telnyx portal,portal,"))).toBe(true);

  // Finance may read payments but not add funds.
  const refused = await page.request.post("/api/payments", { data: { amount: "5.00" }, headers: { ...sameOrigin, "Idempotency-Key": "e2e-finance-refused-0001" } });
  expect(refused.status()).toBe(403);
});
