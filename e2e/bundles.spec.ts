// zod stays out of the first load of every page that has no form open when it loads: what those
// pages validate in the browser uses zod-free helpers (lib/telnyx/contract.ts), and the routes'
// schemas stay on the server. (Billing settings' forms fetch it after the first screen.) The check reads the chunks the page's HTML names, as the bench does.
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

// Billing settings' forms validate with zod, fetched after the first screen (components/settings/
// lazy-forms.ts): not in the HTML's chunks, but loaded by the time a form is used. The check must
// see it there, or the tests above could not fail.
test("billing settings: zod loads after the first screen, and the check sees it", async ({ page }) => {
  const res = await page.request.get("/settings/billing");
  const firstLoad = await fetchChunks(E2E.baseURL, await res.text());
  expect(firstLoad.filter((c) => containsZod(c.body)).map((c) => c.url)).toEqual([]);

  const scripts: Promise<Buffer>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto("/settings/billing");
  // Focusing a form fetches its schemas at the latest.
  await page.getByLabel(/^Threshold/).focus();
  await expect.poll(async () => (await Promise.all(scripts)).some((body) => containsZod(body))).toBe(true);
});
