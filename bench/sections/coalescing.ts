// 2. Coalescing and caching: 200 concurrent readers of one cold key cause one upstream call; ten
// users loading the overview within the cache window share the upstream calls of one load.
import type { Browser } from "playwright";
import { addMonths, monthOf, monthRange } from "../../lib/charges/months";
import { newUserPage } from "../lib/browser";
import { sleep, type SimRequest } from "../lib/http";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";

const CONCURRENT = 200;

const queryMatches = (req: SimRequest, want: Record<string, string>) => Object.entries(want).every(([k, v]) => req.query[k] === v);

/** Runs on a dashboard whose read cache is still cold for these keys (see run.ts's order). */
export async function concurrentReaders(stack: Stack, report: Report): Promise<void> {
  // A period the overview and charges pages never ask for by default: the month before last.
  const range = monthRange(addMonths(monthOf(new Date()), -2));
  const targets: { name: string; path: string; upstream: string; query: Record<string, string> }[] = [
    { name: "balance", path: "/api/balance", upstream: "/v2/balance", query: {} },
    {
      name: "charges_summary",
      path: `/api/charges/summary?start_date=${range.start_date}&end_date=${range.end_date}`,
      upstream: "/v2/charges_summary",
      query: { start_date: range.start_date, end_date: range.end_date },
    },
    { name: "invoices", path: "/api/invoices?page=1", upstream: "/v2/invoices", query: { "page[number]": "1" } },
  ];
  for (const t of targets) {
    await stack.sim.clearRequests();
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        fetch(stack.dashboardUrl + t.path, { headers: { cookie: stack.ownerCookie } }).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        }),
      ),
    );
    const ms = performance.now() - t0;
    const calls = (await stack.sim.requests()).filter((r) => r.path === t.upstream && queryMatches(r, t.query)).length;
    const failed = statuses.filter((s) => s !== 200).length;
    report.add(`coalescing.${t.name}.upstream_calls`, calls, "calls", { budget: { op: "<=", limit: 1 } });
    report.add(`coalescing.${t.name}.non_200`, failed, "responses");
    report.add(`coalescing.${t.name}.wall`, ms, "ms");
    if (failed > 0) report.note(`coalescing.${t.name}: statuses ${JSON.stringify(countBy(statuses))}`);
  }
}

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/**
 * Ten users load the overview on a freshly started dashboard (empty cache): the first alone, the
 * other nine together right after, all within the 10 s window of the shortest cache TTL.
 */
export async function pageLoads(stack: Stack, report: Report, browser: Browser): Promise<void> {
  const cookies = await stack.loginReaders();
  const pages = await Promise.all(cookies.map((c) => newUserPage(browser, stack.dashboardUrl, c)));
  try {
    await stack.sim.clearRequests();
    const t0 = Date.now();
    const load = async (i: number) => {
      const page = pages[i]!;
      const res = await page.goto(`${stack.dashboardUrl}/`, { waitUntil: "networkidle", timeout: 60_000 });
      if (res?.status() !== 200) throw new Error(`user ${i + 1}'s overview answered ${res?.status()}`);
      await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor({ timeout: 10_000 });
    };
    await load(0);
    const first = (await stack.sim.requests()).length;
    await Promise.all(pages.slice(1).map((_, i) => load(i + 1)));
    const wall = Date.now() - t0;
    await sleep(200);
    const all = await stack.sim.requests();
    const total = all.length;
    report.add("pageloads.cold_load.upstream_calls", first, "calls");
    report.add("pageloads.warm_loads.upstream_calls_per_load", (total - first) / (pages.length - 1), "calls/load");
    report.add("pageloads.upstream_calls_per_load", total / pages.length, "calls/load");
    report.add("pageloads.wall", wall, "ms");
    const byPath: Record<string, number> = {};
    for (const r of all) byPath[r.path] = (byPath[r.path] ?? 0) + 1;
    report.note(`pageloads: upstream calls by path over 10 loads: ${JSON.stringify(byPath)}`);
    if (total > first)
      report.note(`pageloads: the nine later loads still caused ${total - first} upstream calls (the ten loads took ${(wall / 1000).toFixed(1)} s; the balance's cache TTL is 10 s)`);
  } finally {
    await Promise.all(pages.map((p) => p.context().close()));
  }
}
