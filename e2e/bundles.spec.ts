// zod stays out of the first load of every page that has no form open when it loads: what those
// pages validate in the browser uses zod-free helpers (lib/telnyx/contract.ts), and the routes'
// schemas stay on the server. The check reads the chunks the page's HTML names, as the bench does.
import { containsZod, fetchChunks, FORM_PAGES } from "../bench/lib/first-load";
import { PAGES } from "../lib/navigation";
import { E2E } from "./env";
import { expect, storageStateFor, test } from "./fixtures";

test.use({ storageState: storageStateFor("owner") });

for (const p of PAGES.filter((page) => !FORM_PAGES.has(page.href))) {
  test(`${p.href}: no zod in the first load`, async ({ page }) => {
    const res = await page.request.get(p.href);
    expect(res.status()).toBe(200);
    const chunks = await fetchChunks(E2E.baseURL, await res.text());
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.filter((c) => containsZod(c.body)).map((c) => c.url)).toEqual([]);
  });
}

test("the check sees zod where a form needs it (billing settings)", async ({ page }) => {
  const res = await page.request.get("/settings/billing");
  const chunks = await fetchChunks(E2E.baseURL, await res.text());
  expect(chunks.some((c) => containsZod(c.body))).toBe(true);
});
