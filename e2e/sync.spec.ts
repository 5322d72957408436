import AxeBuilder from "@axe-core/playwright";
import { test, expect, storageStateFor } from "./fixtures";

// /settings/sync: the ledger's streams for owners, with "Sync now". The e2e servers run with the
// worker off (SYNC_WORKER=off), so the streams show as not synced and a request stays queued.
test.describe("sync page", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("lists every stream, queues a sync, and has no serious accessibility problems", async ({ page }) => {
    await page.goto("/settings/sync");
    await expect(page.getByRole("heading", { level: 1, name: "Sync" })).toBeVisible();
    await expect(page.getByText(/Database \((sqlite|postgres)\)/)).toBeVisible();
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Queued" })).toContainText("Usage rollups");
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  test("GET /api/sync/status answers the fixed shape", async ({ page }) => {
    await page.goto("/settings/sync");
    const res = await page.request.get("/api/sync/status");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.data.map((s: { stream: string }) => s.stream)).toEqual(["balance", "charges", "invoices", "audit_events", "webhook_deliveries", "usage"]);
    for (const s of body.data) expect(Object.keys(s)).toEqual(expect.arrayContaining(["stream", "last_success_at", "rows", "cursor", "calls_today", "last_error"]));
  });
});
