// 3. Page speed: Lighthouse (desktop preset, performance only) on each dashboard page, signed in,
// and each route's first-load JavaScript computed from the HTML the server sends, with the number
// of its chunks that carry zod (none of these pages has a form open at first load: budget 0).
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type RunnerResult } from "lighthouse";
import { fetchChunks, firstLoadFigures } from "../lib/first-load";
import { median } from "../lib/http";
import { CHROMIUM, CHROMIUM_FLAGS } from "../lib/browser";
import { onCleanup } from "../lib/procs";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";

export const PAGES = [
  { name: "overview", path: "/" },
  { name: "charges", path: "/charges" },
  { name: "invoices", path: "/invoices" },
  { name: "audit_log", path: "/audit-log" },
  { name: "webhooks", path: "/webhooks" },
] as const;

/** A route's first-load JavaScript (./lib/first-load.ts), compressed, and which of its chunks hold zod. */
export async function firstLoadJs(origin: string, html: string): Promise<{ bytes: number; raw: number; chunks: number; zodChunks: string[] }> {
  return firstLoadFigures(await fetchChunks(origin, html));
}

/** The sign-in page, signed out: a small page of the same app and server, run first as the machine's reference. */
const REFERENCE = { name: "login_reference", path: "/login" } as const;

export async function pageSpeed(stack: Stack, report: Report, runs: number): Promise<void> {
  const cookie = stack.ownerCookie;
  // Each run's full Lighthouse report, for finding out why a page scores what it does.
  const reportDir = path.join(stack.root, "bench", "results", "lighthouse");
  fs.rmSync(reportDir, { recursive: true, force: true });
  fs.mkdirSync(reportDir, { recursive: true });
  const present: { name: string; path: string }[] = [REFERENCE];
  for (const p of PAGES) {
    const res = await fetch(stack.dashboardUrl + p.path, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status === 404) {
      report.addMissing(`pages.${p.name}`, `${p.path} answers 404 (not built yet)`);
      continue;
    }
    if (res.status !== 200) throw new Error(`${p.path} answered ${res.status} to the signed-in owner`);
    const js = await firstLoadJs(stack.dashboardUrl, html);
    report.add(`pages.${p.name}.first_load_js`, js.bytes / 1000, "kB", { budget: { op: "<=", limit: 250 }, digits: 2 });
    report.add(`pages.${p.name}.first_load_zod_chunks`, js.zodChunks.length, "chunks", { budget: { op: "<=", limit: 0 } });
    report.note(`pages.${p.name}: ${js.chunks} chunks, ${(js.raw / 1000).toFixed(1)} kB before compression${js.zodChunks.length ? `; zod in ${js.zodChunks.join(", ")}` : ""}`);
    present.push(p);
  }
  if (present.length === 1) return;

  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: "silent" });
  const undo = onCleanup(() => chrome.kill());
  try {
    for (const p of present) {
      const samples: { score: number; lcp: number; tbt: number; js: number }[] = [];
      for (let i = 0; i < runs; i++) {
        const signedIn = p !== REFERENCE;
        // A run that could not measure (e.g. no paint seen in time on a busy machine) is tried once more.
        let lhr: RunnerResult["lhr"];
        for (let attempt = 1; ; attempt++) {
          const result = await lighthouse(
            stack.dashboardUrl + p.path,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: signedIn ? { cookie } : {} },
            desktopConfig,
          );
          if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${p.path}`);
          lhr = result.lhr;
          const problem = lhr.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : lhr.categories.performance?.score == null ? "no performance score" : null;
          if (!problem) break;
          if (attempt >= 2) throw new Error(`Lighthouse on ${p.path}: ${problem}`);
          report.note(`pages.${p.name}: Lighthouse run ${i + 1} failed (${problem}); tried again`);
        }
        const finalUrl = lhr.finalDisplayedUrl ?? "";
        if (new URL(finalUrl).pathname !== p.path) throw new Error(`Lighthouse on ${p.path} ended at ${finalUrl} (not signed in?)`);
        fs.writeFileSync(path.join(reportDir, `${p.name}${runs > 1 ? `-${i + 1}` : ""}.json`), JSON.stringify(lhr));
        const items = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
        samples.push({
          score: (lhr.categories.performance?.score ?? 0) * 100,
          lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
          tbt: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
          js: items.filter((it) => it.resourceType === "Script").reduce((n, it) => n + (it.transferSize ?? 0), 0),
        });
      }
      // With several runs, each figure is the median of its runs.
      const m = (k: keyof (typeof samples)[number]) => median(samples.map((s) => s[k]));
      report.add(`pages.${p.name}.score`, m("score"), "score", p === REFERENCE ? {} : { budget: { op: ">=", limit: 95 } });
      report.add(`pages.${p.name}.lcp`, m("lcp"), "ms");
      report.add(`pages.${p.name}.tbt`, m("tbt"), "ms");
      report.add(`pages.${p.name}.js_transferred`, m("js") / 1000, "kB");
    }
  } finally {
    chrome.kill();
    undo();
  }
}
