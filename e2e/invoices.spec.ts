import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect, sameOrigin, storageStateFor } from "./fixtures";

interface SearchResult {
  data: { invoice_id: string; period_start: string; paid: boolean }[];
  meta: { page_number: number; total_pages: number; total_results: number };
  years: number[];
}

/** The entries of a (stored, uncompressed) zip, read from its central directory. */
function readZip(buf: Buffer): { name: string; data: Buffer }[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  expect(eocd, "end of central directory").toBeGreaterThanOrEqual(0);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    expect(method, `${name} is stored`).toBe(0);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, data: buf.subarray(dataStart, dataStart + size) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const table = (page: Page) => page.getByTestId("invoices-table");
const rowIds = (page: Page) =>
  table(page)
    .locator("tbody tr[data-invoice-id]")
    .evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute("data-invoice-id")!, period: tr.getAttribute("data-period")! })));

test.describe("invoices", () => {
  test.use({ storageState: storageStateFor("owner") });

  test("lists all invoices newest first, with server-side pages", async ({ page }) => {
    await page.goto("/invoices");
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
    const all = (await (await page.request.get("/api/invoices/search?page=1&size=100")).json()) as SearchResult;
    expect(all.meta.total_results).toBeGreaterThan(20);

    const first = await rowIds(page);
    expect(first).toHaveLength(20);
    expect(first.map((r) => r.period)).toEqual([...first.map((r) => r.period)].sort().reverse());
    expect(first.map((r) => r.id)).toEqual(all.data.slice(0, 20).map((i) => i.invoice_id));
    await expect(page.getByTestId("invoices-page-status")).toContainText(`Page 1 of 2 · ${all.meta.total_results} invoices`);

    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect.poll(async () => (await rowIds(page)).map((r) => r.id)).toEqual(all.data.slice(20, 40).map((i) => i.invoice_id));
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
    await page.goBack();
    await expect(page.getByTestId("invoices-page-status")).toContainText("Page 1 of 2");
  });

  test("filters by year and paid state, kept in the URL", async ({ page }) => {
    const all = (await (await page.request.get("/api/invoices/search?page=1&size=100")).json()) as SearchResult;
    const year = all.years[1] ?? all.years[0]!;
    const inYear = all.data.filter((i) => i.period_start.startsWith(`${year}-`));
    const unpaid = all.data.filter((i) => !i.paid);
    expect(unpaid.length).toBeGreaterThan(0);

    await page.goto("/invoices");
    await page.getByLabel("Year").selectOption(String(year));
    await expect(page).toHaveURL(new RegExp(`[?&]year=${year}`));
    await expect(page.getByRole("heading", { name: `All invoices, ${year}` })).toBeVisible();
    await expect.poll(async () => (await rowIds(page)).map((r) => r.id)).toEqual(inYear.map((i) => i.invoice_id));

    await page.goto("/invoices?paid=unpaid");
    await expect(page.getByLabel("Status")).toHaveValue("unpaid");
    await expect.poll(async () => (await rowIds(page)).map((r) => r.id)).toEqual(unpaid.map((i) => i.invoice_id));
    await expect(table(page).getByText("Unpaid")).toHaveCount(unpaid.length);

    // No match: the "no results under these filters" state with a way out.
    const paidInOldest = all.data.filter((i) => i.period_start.startsWith(`${all.years.at(-1)}-`) && !i.paid);
    if (paidInOldest.length === 0) {
      await page.goto(`/invoices?year=${all.years.at(-1)}&paid=unpaid`);
      await expect(page.getByText("No invoices match these filters")).toBeVisible();
      await page.getByRole("button", { name: "Clear filters" }).last().click();
      await expect(page).toHaveURL(/\/invoices$/);
      await expect(table(page).locator("tbody tr")).toHaveCount(20);
    }
  });

  test("a PDF downloads with %PDF magic and the period's file name", async ({ page }) => {
    await page.goto("/invoices");
    const [row] = await rowIds(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      table(page).locator(`tr[data-invoice-id="${row!.id}"]`).getByRole("link", { name: /Download the PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`telnyx-invoice-${row!.period.slice(0, 7)}.pdf`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  test("bulk download: the selected invoices in one zip, with progress while it builds", async ({ page, sim }) => {
    await page.goto("/invoices");
    const rows = (await rowIds(page)).slice(1, 4);
    for (const r of rows) await table(page).locator(`tr[data-invoice-id="${r.id}"]`).getByRole("checkbox").check();
    await expect(page.getByTestId("bulk-download")).toContainText("3 selected");

    // Slow PDFs so the progress is on screen long enough to see.
    await sim.fault({ path: "/files/invoices/*", latencyMs: 700 });
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      (async () => {
        await page.getByRole("button", { name: "Download selected as zip" }).click();
        await expect(page.getByTestId("zip-progress")).toContainText(/Adding invoice \d of 3/);
      })(),
    ]);
    const first = rows.map((r) => r.period.slice(0, 7)).sort()[0];
    const last = rows.map((r) => r.period.slice(0, 7)).sort()[2];
    expect(download.suggestedFilename()).toBe(`telnyx-invoices-${first}_to_${last}.zip`);
    const entries = readZip(await readFile((await download.path())!));
    expect(entries.map((e) => e.name).sort()).toEqual(rows.map((r) => `telnyx-invoice-${r.period.slice(0, 7)}.pdf`).sort());
    for (const e of entries) expect(e.data.subarray(0, 4).toString("latin1"), e.name).toBe("%PDF");
    await expect(page.getByRole("status").filter({ hasText: "Saved telnyx-invoices-" })).toContainText("3 invoices");
  });

  test("bulk download of a whole year", async ({ page }) => {
    const all = (await (await page.request.get("/api/invoices/search?page=1&size=100")).json()) as SearchResult;
    const year = all.years[1] ?? all.years[0]!;
    const expected = all.data.filter((i) => i.period_start.startsWith(`${year}-`)).map((i) => `telnyx-invoice-${i.period_start.slice(0, 7)}.pdf`);
    await page.goto(`/invoices?year=${year}`);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      page.getByRole("button", { name: `Download all of ${year} (${expected.length})` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`telnyx-invoices-${year}.zip`);
    const entries = readZip(await readFile((await download.path())!));
    expect(entries.map((e) => e.name)).toEqual(expected);
    for (const e of entries) expect(e.data.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("the zip route validates its input and checks the origin", async ({ page }) => {
    const post = (data: unknown, headers: Record<string, string> = sameOrigin) => page.request.post("/api/invoices/zip", { data, headers });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect((await post({ ids: ["nope"] })).status()).toBe(422);
    expect((await post({ ids: ids(101) })).status()).toBe(422);
    expect((await post({ ids: [] })).status()).toBe(422);
    expect((await post({ year: 1999 })).status()).toBe(422);
    const unknown = await post({ ids: ids(1) });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).errors[0].detail).toContain(ids(1)[0]);
    expect((await post({ year: 2025 }, { origin: "https://evil.example" })).status()).toBe(403);
  });

  test("a zip that can't be built says why", async ({ page, sim }) => {
    await page.goto("/invoices");
    const [row] = await rowIds(page);
    await table(page).locator(`tr[data-invoice-id="${row!.id}"]`).getByRole("checkbox").check();
    await sim.fault({ path: "/files/invoices/*", status: 500 });
    await page.getByRole("button", { name: "Download selected as zip" }).click();
    const alert = page.getByTestId("bulk-download").getByRole("alert");
    await expect(alert).toContainText("The zip could not be downloaded", { timeout: 30_000 });
    await expect(alert).toContainText("could not be downloaded (HTTP 500)");
  });

  test("the invoice list shows its own error when Telnyx breaks its contract", async ({ page, sim }) => {
    test.setTimeout(150_000);
    await page.goto("/invoices");
    // Invoice pages are cached for 60 s; reload until the list's read reaches the simulator.
    await sim.fault({ path: "/invoices", status: 200, body: { data: "not a list" } });
    const card = page.getByTestId("invoices-card");
    await expect(async () => {
      await page.reload();
      await expect(card.getByRole("alert")).toContainText("Couldn't load the invoices", { timeout: 15_000 });
    }).toPass({ timeout: 100_000, intervals: [1_000] });
    await expect(page.getByLabel("Year")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  });
});
