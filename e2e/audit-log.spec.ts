import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, storageStateFor } from "./fixtures";

test.use({ storageState: storageStateFor("owner") });

interface Change {
  field?: string;
  from: unknown;
  to: unknown;
}
interface AuditEvent {
  id: string;
  created_at: string;
  change_made_by?: string;
  change_type?: string;
  record_type?: string;
  resource_id?: string;
  alternate_resource_id?: string | null;
  user_id?: string;
  organization_id?: string;
  changes?: Change[] | null;
}
type List = { data: AuditEvent[]; meta: { total_results: number; total_pages: number } };

async function auditPage(request: APIRequestContext, query: Record<string, string | number>): Promise<List> {
  const res = await request.get(`/api/audit-events?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()) as List;
}

async function allEvents(request: APIRequestContext): Promise<AuditEvent[]> {
  const first = await auditPage(request, { size: 250, page: 1 });
  const out = [...first.data];
  for (let p = 2; p <= first.meta.total_pages; p++) out.push(...(await auditPage(request, { size: 250, page: p })).data);
  return out;
}

const rows = (page: Page) => page.getByTestId("audit-row");
const counts = (page: Page) => page.getByTestId("audit-counts");

/** Opens the audit log narrowed to one event's second, with that event selected. */
async function openEvent(page: Page, e: AuditEvent) {
  const t = Date.parse(e.created_at);
  const after = new Date(t - 1000).toISOString();
  const before = new Date(t + 1000).toISOString();
  await page.goto(`/audit-log?after=${encodeURIComponent(after)}&before=${encodeURIComponent(before)}&event=${e.id}`);
  const detail = page.getByTestId("audit-detail");
  await expect(detail).toBeVisible();
  return detail;
}

test.describe("audit log", () => {
  test("lists newest first, toggles the order, and opens an event's detail", async ({ page }) => {
    const newest = (await auditPage(page.request, { size: 1, sort: "desc" })).data[0]!;
    const oldest = (await auditPage(page.request, { size: 1, sort: "asc" })).data[0]!;
    const total = (await auditPage(page.request, { size: 1 })).meta.total_results;
    await page.goto("/audit-log");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(counts(page)).toContainText(`of ${total.toLocaleString("en-US")} loaded`);

    await rows(page).first().getByRole("button").click();
    await expect(page).toHaveURL(new RegExp(`event=${newest.id}`));
    const detail = page.getByTestId("audit-detail");
    await expect(detail).toContainText(newest.id);
    await expect(detail.getByTestId("audit-utc-time")).toHaveText(new Date(newest.created_at).toISOString());
    await expect(detail.getByTestId("audit-local-time")).not.toBeEmpty();
    if (newest.resource_id) await expect(detail.getByRole("button", { name: `Copy: ${newest.resource_id}` })).toBeVisible();
    if (newest.user_id) await expect(detail).toContainText(newest.user_id);
    if (newest.organization_id) await expect(detail).toContainText(newest.organization_id);

    await page.getByRole("button", { name: /Sort: newest first/ }).click();
    await expect(page).toHaveURL(/sort=asc/);
    await rows(page).first().getByRole("button").click();
    await expect(page.getByTestId("audit-detail")).toContainText(oldest.id);
  });

  test("filters by creation date through the API", async ({ page }) => {
    const all = await allEvents(page.request);
    // A window holding a known slice of the events.
    const sorted = all.map((e) => Date.parse(e.created_at)).sort((a, b) => a - b);
    const from = new Date(sorted[Math.floor(sorted.length * 0.5)]!);
    from.setSeconds(0, 0);
    const to = new Date(sorted[Math.floor(sorted.length * 0.8)]!);
    to.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

    await page.goto("/audit-log");
    await expect(rows(page).first()).toBeVisible();
    await page.getByLabel("Created after").fill(local(from));
    await page.getByLabel("Created after").press("Enter");
    await page.getByLabel("Created before").fill(local(to));
    await page.getByLabel("Created before").press("Enter");
    await expect(page).toHaveURL(/after=.*before=/);
    const expected = all.filter((e) => {
      const t = Date.parse(e.created_at);
      return t >= from.getTime() && t <= to.getTime();
    }).length;
    const api = (await auditPage(page.request, { size: 1, created_after: from.toISOString(), created_before: to.toISOString() })).meta.total_results;
    expect(api).toBe(expected);
    await expect(counts(page)).toContainText(`of ${expected.toLocaleString("en-US")} loaded`);

    // The URL alone restores the same view.
    await page.reload();
    await expect(page.getByLabel("Created after")).toHaveValue(local(from));
    await expect(counts(page)).toContainText(`of ${expected.toLocaleString("en-US")} loaded`);
  });

  test("quick filters narrow the loaded events, with counts", async ({ page }) => {
    const first = (await auditPage(page.request, { size: 250 })).data;
    const byTelnyx = first.filter((e) => e.change_made_by === "telnyx");
    const owner = first.filter((e) => e.change_made_by === "account_owner");
    await page.goto("/audit-log");
    await expect(counts(page)).toContainText(`${first.length} shown`);

    const changedBy = page.getByRole("group", { name: "Quick filters on the loaded events" });
    await expect(changedBy.getByText("Telnyx", { exact: true }).locator("..")).toContainText(String(byTelnyx.length));
    await changedBy.getByText("Telnyx", { exact: true }).click();
    await expect(page).toHaveURL(/by=telnyx/);
    await expect(counts(page)).toContainText(`${byTelnyx.length} shown`);
    for (const label of await rows(page).getByRole("button").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))) expect(label).toContain("by Telnyx");

    await changedBy.getByText("Account owner", { exact: true }).click();
    await expect(counts(page)).toContainText(`${byTelnyx.length + owner.length} shown`);

    // Change type within those, counted under the other filters.
    const deletes = first.filter((e) => (e.change_made_by === "telnyx" || e.change_made_by === "account_owner") && e.change_type === "delete");
    await changedBy.getByText("delete", { exact: true }).click();
    await expect(counts(page)).toContainText(`${deletes.length} shown`);
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(counts(page)).toContainText(`${first.length} shown`);

    // Resource id search also matches alternate ids (numbers, e-mails).
    const target = first.find((e) => e.alternate_resource_id?.startsWith("+"))!;
    const needle = target.alternate_resource_id!.slice(-7);
    const expected = first.filter(
      (e) => (e.resource_id ?? "").toLowerCase().includes(needle) || (e.alternate_resource_id ?? "").toLowerCase().includes(needle),
    ).length;
    await page.getByLabel("Resource id contains").fill(needle);
    await expect(counts(page)).toContainText(`${expected} shown`);
  });

  const kinds: [string, (c: Change) => boolean, (from: string, to: string) => void][] = [
    ["strings", (c) => typeof c.from === "string" && typeof c.to === "string" && c.from !== c.to, () => {}],
    ["numbers", (c) => typeof c.from === "number" && typeof c.to === "number", () => {}],
    ["booleans", (c) => typeof c.from === "boolean" && typeof c.to === "boolean", () => {}],
    ["null", (c) => c.from === null && typeof c.to === "string", () => {}],
    ["nested objects", (c) => !!c.from && typeof c.from === "object" && !Array.isArray(c.from) && !!c.to && typeof c.to === "object", () => {}],
    ["an object replacing null", (c) => c.from === null && !!c.to && typeof c.to === "object" && !Array.isArray(c.to), () => {}],
    ["arrays", (c) => Array.isArray(c.from) && Array.isArray(c.to), () => {}],
  ];

  test("the detail shows a field-by-field diff for every JSON type", async ({ page }) => {
    const all = await allEvents(page.request);
    for (const [kind, match] of kinds) {
      const e = all.find((x) => x.changes?.some(match));
      expect(e, `an event changing ${kind}`).toBeTruthy();
      const change = e!.changes!.find(match)!;
      const detail = await openEvent(page, e!);
      // The words come first; Telnyx's raw values are one click away.
      await expect(detail.getByTestId("audit-change-words")).toBeVisible();
      await detail.getByText("Raw values as Telnyx recorded them").click();
      const diff = detail.locator(`[data-testid="field-diff"][data-field="${change.field}"]`).first();
      await expect(diff, kind).toBeVisible();
      const from = diff.locator('[data-diff-side="from"]');
      const to = diff.locator('[data-diff-side="to"]');
      const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
      await expect(from, kind).toContainText(typeOf(change.from));
      await expect(to, kind).toContainText(typeOf(change.to));
      for (const [side, value] of [[from, change.from], [to, change.to]] as const) {
        if (value === null || typeof value !== "object") await expect(side, kind).toContainText(JSON.stringify(value));
        else if (Array.isArray(value)) {
          for (const item of value) await expect(side, kind).toContainText(JSON.stringify(item));
        } else
          for (const [k, v] of Object.entries(value)) {
            await expect(side, kind).toContainText(JSON.stringify(k));
            if (v === null || typeof v !== "object") await expect(side, kind).toContainText(JSON.stringify(v));
          }
      }
      if (kind === "nested objects") {
        // What changed inside is listed leaf by leaf.
        const a = change.from as Record<string, unknown>;
        const b = change.to as Record<string, unknown>;
        const changedKey = Object.keys(b).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))!;
        await expect(diff.getByText("Changed inside")).toBeVisible();
        await expect(diff.locator("li", { hasText: changedKey }).first()).toContainText(JSON.stringify(b[changedKey]));
      }
      if (kind === "arrays") {
        // Nested JSON is collapsible.
        const tree = to.getByRole("button", { expanded: true }).first();
        await tree.click();
        await expect(to.getByRole("button", { expanded: false }).first()).toBeVisible();
      }
    }
  });

  test("events without field changes say so", async ({ page }) => {
    const all = await allEvents(page.request);
    const created = all.find((e) => e.change_type === "create" && !e.changes)!;
    const detail = await openEvent(page, created);
    await expect(detail).toContainText("recorded no field changes");
  });

  test("the list is virtualized: DOM rows stay bounded while scrolling every page", async ({ page }) => {
    const total = (await auditPage(page.request, { size: 1 })).meta.total_results;
    expect(total).toBeGreaterThan(250); // more than one page of 250
    await page.goto("/audit-log");
    await expect(rows(page).first()).toBeVisible();
    const scroller = page.getByTestId("audit-scroller");
    let maxRows = 0;
    for (let i = 0; i < 40; i++) {
      maxRows = Math.max(maxRows, await rows(page).count());
      await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 3));
      await page.waitForTimeout(50);
      if ((await counts(page).textContent())?.includes(`${total.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} loaded`)) break;
    }
    await expect(counts(page)).toContainText(`${total.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} loaded`);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.getByText(`All ${total.toLocaleString("en-US")} events loaded.`)).toBeVisible();
    maxRows = Math.max(maxRows, await rows(page).count());
    expect(maxRows).toBeGreaterThan(5);
    expect(maxRows).toBeLessThan(60);
    // The oldest event is reachable at the bottom.
    const oldest = (await auditPage(page.request, { size: 1, sort: "asc" })).data[0]!;
    await rows(page).last().getByRole("button").click();
    await expect(page.getByTestId("audit-detail")).toContainText(oldest.id);
  });

  test("shows the error state when Telnyx fails, and recovers on retry", async ({ page, sim }) => {
    await sim.fault({ path: "/audit_events", status: 500, times: 100 });
    // A range no earlier test read, so no cached answer stands in.
    await page.goto(`/audit-log?after=${encodeURIComponent("2020-01-01T00:00:00.000Z")}`);
    const alert = page.getByRole("alert").filter({ hasText: "Couldn't load the audit log" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText(/Telnyx/);
    await sim.clearFaults();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(rows(page).first()).toBeVisible();
  });

  test("the dashboard's own action log sits beside it", async ({ page }) => {
    await page.goto("/audit-log");
    await page.getByRole("tab", { name: "Dashboard actions" }).click();
    await expect(page).toHaveURL(/tab=actions/);
    const table = page.getByRole("table", { name: /Dashboard actions/ });
    await expect(table).toBeVisible();
    // The e2e setup signed in through the login page: those sign-ins are recorded.
    await expect(page.getByTestId("action-row").filter({ hasText: "login" }).first()).toBeVisible();
    await page.getByRole("combobox", { name: /^Action/ }).selectOption("login");
    await expect(page).toHaveURL(/action=login/);
    for (const text of await page.getByTestId("action-row").allTextContents()) expect(text).toContain("login");
  });

  test("has no serious accessibility violations", async ({ page }) => {
    const e = (await auditPage(page.request, { size: 5 })).data.find((x) => x.changes?.length)!;
    await openEvent(page, e);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    await page.getByRole("tab", { name: "Dashboard actions" }).click();
    await expect(page.getByRole("table", { name: /Dashboard actions/ })).toBeVisible();
    const actions = await new AxeBuilder({ page }).analyze();
    expect(actions.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});
