// 4. Scale (simulator at --scale large): the 10,000-number breakdown table until it answers a
// click, the audit log scrolled to its 5,000th event, and the CSV export of 100,000 usage records
// (rows per second, and how much the dashboard's memory grows meanwhile).
import { createHash } from "node:crypto";
import type { Browser, Page } from "playwright";
import { addMonths } from "../../lib/charges/months";
import { defaultMonth } from "../../lib/charges/period";
import { createCsvRowCounter, EXPECTED_ROWS_HEADER } from "../../lib/usage/csv";
import { newUserPage } from "../lib/browser";
import { sleep } from "../lib/http";
import { sampleRss, treeRssBytes } from "../lib/procs";
import type { ScalePart } from "../lib/options";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";

const MB = 1024 * 1024;
const UUID_FIRST = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}),/;
const TABLE = '[data-testid="breakdown-table"]';

/**
 * Navigation start → first rows of the breakdown table shown → a click on the Cost header has
 * re-sorted all rows (its aria-sort changed, which happens in the same render as the rows).
 * Times are the page's own performance.now(), i.e. since navigation start.
 */
async function breakdownTimes(page: Page, url: string) {
  await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  const shown = (await (
    await page.waitForFunction((sel) => (document.querySelector(`${sel} tbody tr[data-tn]`) ? performance.now() : 0), TABLE, { polling: "raf", timeout: 120_000 })
  ).jsonValue()) as number;
  const rows = Number(await page.getAttribute('[data-testid="breakdown-count"]', "data-count"));
  const cost = page.locator(`${TABLE} thead th`).filter({ hasText: "Cost" });
  const before = await cost.getAttribute("aria-sort");
  await cost.getByRole("button").click({ timeout: 30_000 });
  const sorted = (await (
    await page.waitForFunction(
      ([sel, prev]) => {
        const th = [...document.querySelectorAll(`${sel} thead th`)].find((t) => t.textContent?.includes("Cost"));
        return th && th.getAttribute("aria-sort") !== prev ? performance.now() : 0;
      },
      [TABLE, before] as const,
      { polling: "raf", timeout: 60_000 },
    )
  ).jsonValue()) as number;
  return { shown, interactive: sorted, rows };
}

async function breakdown(stack: Stack, report: Report, browser: Browser): Promise<void> {
  const page = await newUserPage(browser, stack.dashboardUrl, stack.ownerCookie);
  try {
    // Cold: the dashboard has never read this breakdown (fresh process). Warm: read again within its TTL.
    const cold = await breakdownTimes(page, `${stack.dashboardUrl}/charges`);
    const warm = await breakdownTimes(page, `${stack.dashboardUrl}/charges`);
    report.add("scale.breakdown.rows", cold.rows, "rows");
    report.add("scale.breakdown.table_shown", cold.shown, "ms");
    report.add("scale.breakdown.interactive", cold.interactive, "ms", { budget: { op: "<=", limit: 800 } });
    report.add("scale.breakdown.table_shown_warm", warm.shown, "ms");
    report.add("scale.breakdown.interactive_warm", warm.interactive, "ms");
  } finally {
    await page.context().close();
  }
  // What is left of "cold" once the process is warm: a month this process has never read, in a new
  // browser context (nothing cached in the browser either), after the process has served the page.
  const other = await newUserPage(browser, stack.dashboardUrl, stack.ownerCookie);
  try {
    const month = addMonths(defaultMonth(new Date()), -3);
    const warmProcess = await breakdownTimes(other, `${stack.dashboardUrl}/charges?month=${month}`);
    report.add("scale.breakdown.table_shown_warm_process", warmProcess.shown, "ms");
    report.add("scale.breakdown.interactive_warm_process", warmProcess.interactive, "ms");
  } finally {
    await other.context().close();
  }
}

/** Navigation start → the audit log scrolled (loading page after page) until row `target` is on screen. */
async function auditScroll(stack: Stack, report: Report, browser: Browser, target: number): Promise<void> {
  const page = await newUserPage(browser, stack.dashboardUrl, stack.ownerCookie);
  try {
    await page.goto(`${stack.dashboardUrl}/audit-log`, { waitUntil: "commit", timeout: 60_000 });
    await page.waitForSelector('[data-testid="audit-row"]', { timeout: 60_000 });
    // Rows are absolutely placed at index × row height; the list's height is rows × row height.
    const state = () =>
      page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('[data-testid="audit-scroller"]')!;
        const rowHeight = parseFloat(scroller.querySelector<HTMLElement>('[data-testid="audit-row"]')!.style.height);
        const list = scroller.querySelector<HTMLElement>("ul")!;
        return { rowHeight, loaded: Math.round(parseFloat(list.style.height) / rowHeight) };
      });
    const first = await state();
    const rowHeight = first.rowHeight;
    let loaded = first.loaded;
    const deadline = Date.now() + 180_000;
    for (let step = 0; loaded < target; step++) {
      if (step > 400 || Date.now() > deadline) throw new Error(`audit log: only ${loaded} of ${target} rows after ${step} scrolls`);
      await page.evaluate(() => {
        const s = document.querySelector<HTMLElement>('[data-testid="audit-scroller"]')!;
        s.scrollTop = s.scrollHeight;
      });
      const grew = await page
        .waitForFunction(
          ([prev, h]) => {
            const list = document.querySelector<HTMLElement>('[data-testid="audit-scroller"] ul');
            return list ? Math.round(parseFloat(list.style.height) / h) > prev : false;
          },
          [loaded, rowHeight] as const,
          { polling: "raf", timeout: 30_000 },
        )
        .then(() => true, () => false);
      if (!grew) throw new Error(`audit log stopped growing at ${loaded} rows (fewer events than ${target}, or a page failed)`);
      ({ loaded } = await state());
    }
    const at = (target - 1) * rowHeight;
    const shown = (await page.evaluate(
      ([top, rh]) =>
        new Promise<number>((resolve, reject) => {
          const s = document.querySelector<HTMLElement>('[data-testid="audit-scroller"]')!;
          s.scrollTop = top - s.clientHeight / 2 + rh / 2;
          const until = performance.now() + 30_000;
          const check = () => {
            const row = [...s.querySelectorAll<HTMLElement>('[data-testid="audit-row"]')].find((li) => li.style.transform === `translateY(${top}px)`);
            if (row) {
              const r = row.getBoundingClientRect();
              const v = s.getBoundingClientRect();
              if (r.top >= v.top && r.bottom <= v.bottom && row.textContent) return resolve(performance.now());
            }
            if (performance.now() > until) return reject(new Error("the target row never rendered"));
            requestAnimationFrame(check);
          };
          check();
        }),
      [at, rowHeight] as const,
    )) as number;
    report.add(`scale.audit.row_${target}`, shown, "ms");
    report.add("scale.audit.rows_loaded", loaded, "rows");
  } finally {
    await page.context().close();
  }
}

/** The CSV export, streamed and counted here; the dashboard's RSS sampled every 100 ms meanwhile. */
async function csvExport(stack: Stack, report: Report): Promise<void> {
  const pid = stack.dashboardPid;
  // Baseline: the settled RSS just before the export (median of 1 s of samples).
  const pre: number[] = [];
  for (let i = 0; i < 10; i++) {
    pre.push(treeRssBytes(pid));
    await sleep(100);
  }
  const baseline = pre.sort((a, b) => a - b)[5]!;
  const sampler = sampleRss(pid, 100);
  const t0 = performance.now();
  const res = await fetch(`${stack.dashboardUrl}/api/detail-records/export?record_type=messaging&date_range=last_120_days`, {
    headers: { cookie: stack.ownerCookie },
    signal: AbortSignal.timeout(600_000),
  });
  if (res.status !== 200 || !res.body) {
    sampler.stop();
    throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  const expected = Number(res.headers.get(EXPECTED_ROWS_HEADER));
  const counter = createCsvRowCounter();
  const decoder = new TextDecoder();
  let bytes = 0;
  // The same record twice (an identical line) means the page walk shifted under it; the same id on
  // different records means the data's ids are not unique.
  const lineOfId = new Map<string, string>();
  let repeated = 0;
  let idCollisions = 0;
  let carry = "";
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const text = decoder.decode(value, { stream: true });
    counter.push(text);
    const lines = (carry + text).split("\n");
    carry = lines.pop()!;
    for (const line of lines) {
      const id = UUID_FIRST.exec(line)?.[1];
      if (!id) continue;
      const digest = createHash("sha1").update(line).digest("base64");
      const seen = lineOfId.get(id);
      if (seen === undefined) lineOfId.set(id, digest);
      else if (seen === digest) repeated++;
      else idCollisions++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const { peak } = sampler.stop();
  const rows = counter.rows - 1; // the header
  if (rows < expected * 0.99) throw new Error(`export ended after ${rows} of the ${expected} rows its header announced`);
  report.add("scale.export.rows", rows, "rows");
  report.add("scale.export.rows_announced", expected, "rows");
  // The simulator's data grows with the clock (records dated "now" appear), as Telnyx's does.
  report.add("scale.export.repeated_rows", repeated, "rows");
  if (idCollisions > 0) report.note(`scale.export: ${idCollisions} records share their uuid with another, different record (the data's ids are not unique)`);
  report.add("scale.export.seconds", seconds, "s");
  report.add("scale.export.rows_per_s", rows / seconds, "rows/s", { budget: { op: ">=", limit: 5000 } });
  report.add("scale.export.size", bytes / MB, "MB");
  report.add("scale.export.baseline_rss", baseline / MB, "MB");
  report.add("scale.export.peak_rss_growth", (peak - baseline) / MB, "MB", { budget: { op: "<=", limit: 150 } });
}

export async function scale(stack: Stack, report: Report, browser: Browser, quick: boolean, parts: ReadonlySet<ScalePart>): Promise<void> {
  // Each part on its own: one failing does not hide the others' figures.
  for (const [name, run] of ([
    ["breakdown", () => breakdown(stack, report, browser)],
    ["audit", () => auditScroll(stack, report, browser, quick ? 300 : 5000)],
    ["export", () => csvExport(stack, report)],
  ] as const).filter(([name]) => parts.has(name))) {
    try {
      await run();
    } catch (e) {
      report.addError(`scale.${name}`, e);
    }
  }
  stack.assertAlive();
}
