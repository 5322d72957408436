// The production build was made with a known fake TELNYX_API_KEY (scripts/build-for-e2e.ts):
// its value must be in no file sent to browsers and in no response of any page or API route.
import fs from "node:fs";
import path from "node:path";
import { PAGES } from "../lib/navigation";
import { E2E } from "./env";
import { expect, storageStateFor, test } from "./fixtures";

const distDir = process.env.NEXT_DIST_DIR || ".next";

test("the key is in no file under the build's static folder", () => {
  const staticDir = path.join(distDir, "static");
  const files = fs.readdirSync(staticDir, { recursive: true, encoding: "utf8" }).map((f) => path.join(staticDir, f));
  const contents = files.filter((f) => fs.statSync(f).isFile());
  expect(contents.length).toBeGreaterThan(10);
  for (const file of contents) expect(fs.readFileSync(file).includes(E2E.apiKey), file).toBe(false);
});

test.describe("as owner", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("the key is in no page and no API response, including errors", async ({ page, request, sim }) => {
    for (const p of PAGES) {
      const res = await page.goto(p.href);
      expect(await res!.text(), p.href).not.toContain(E2E.apiKey);
    }
    const apiPaths = [
      "/api/balance",
      "/api/invoices",
      "/api/audit-events",
      "/api/webhook-deliveries",
      "/api/user-tags",
      "/api/auto-recharge",
      "/api/detail-records?record_type=messaging",
      "/api/charges/summary?start_date=2025-01-01&end_date=2025-03-01",
      "/api/health",
    ];
    for (const p of apiPaths) expect(await (await request.get(p)).text(), p).not.toContain(E2E.apiKey);
    // Telnyx rejecting the key must not echo it either.
    await sim.fault({ path: "*", status: 401, times: 20 });
    for (const p of ["/api/user-tags?starts_with=x", "/api/invoices?page=7"]) {
      const res = await request.get(p);
      expect(res.status()).toBe(502);
      expect(await res.text()).not.toContain(E2E.apiKey);
    }
  });
});
