// 3. Page speed: Lighthouse (performance only) on every dashboard page, signed in: the desktop
// preset on each page of lib/navigation.ts, the mobile preset (Lighthouse's default: a phone,
// slow 4G and a 4× slower CPU, simulated) on the three pages a finance user opens most. And each
// route's first-load JavaScript computed from the HTML the server sends, with the number of its
// chunks that carry zod (only a page whose first screen is a form may have any).
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type RunnerResult } from "lighthouse";
import { PAGES as NAV_PAGES } from "../../lib/navigation";
import { fetchChunks, firstLoadFigures, FORM_PAGES } from "../lib/first-load";
import { median } from "../lib/http";
import { CHROMIUM, CHROMIUM_FLAGS } from "../lib/browser";
import { onCleanup } from "../lib/procs";
import type { Preset } from "../lib/options";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";

/** A figure name for a page: "/" → overview, "/settings/billing" → settings_billing. */
export const pageName = (href: string) => (href === "/" ? "overview" : href.slice(1).replace(/[/-]/g, "_"));

export const PAGES = NAV_PAGES.map((p) => ({ name: pageName(p.href), path: p.href }));
/** Pages also measured with the mobile preset. */
export const MOBILE_PAGES = new Set(["/", "/charges", "/invoices"]);

export const BUDGET = {
  desktopScore: 98,
  mobileScore: 90,
  firstLoadKb: 200,
} as const;

/** A route's first-load JavaScript (./lib/first-load.ts), compressed, and which of its chunks hold zod. */
export async function firstLoadJs(origin: string, html: string): Promise<{ bytes: number; raw: number; chunks: number; zodChunks: string[] }> {
  return firstLoadFigures(await fetchChunks(origin, html));
}

/** The sign-in page, signed out: a small page of the same app and server, run first as the machine's reference. */
const REFERENCE = { name: "login_reference", path: "/login" } as const;

type Target = { name: string; path: string; preset: "desktop" | "mobile" };

/** Which pages and presets Lighthouse runs on (`--pages`, `--presets`; first-load JS is measured on the same pages). */
export interface PageSelection {
  pages: ReadonlySet<string> | null;
  presets: ReadonlySet<Preset>;
}

export async function pageSpeed(stack: Stack, report: Report, runs: number, only: PageSelection): Promise<void> {
  const cookie = stack.ownerCookie;
  // Each run's full Lighthouse report, for finding out why a page scores what it does.
  const reportDir = path.join(stack.root, "bench", "results", "lighthouse");
  fs.rmSync(reportDir, { recursive: true, force: true });
  fs.mkdirSync(reportDir, { recursive: true });
  const targets: Target[] = [{ ...REFERENCE, preset: "desktop" }];
  const chosen = PAGES.filter((p) => !only.pages || only.pages.has(p.path));
  if (only.pages) for (const path of only.pages) if (!PAGES.some((p) => p.path === path)) throw new Error(`--pages: ${path} is not a page of lib/navigation.ts`);
  for (const p of chosen) {
    const res = await fetch(stack.dashboardUrl + p.path, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status === 404) {
      report.addMissing(`pages.${p.name}`, `${p.path} answers 404 (not built yet)`);
      continue;
    }
    if (res.status !== 200) throw new Error(`${p.path} answered ${res.status} to the signed-in owner`);
    const js = await firstLoadJs(stack.dashboardUrl, html);
    report.add(`pages.${p.name}.first_load_js`, js.bytes / 1000, "kB", { budget: { op: "<=", limit: BUDGET.firstLoadKb }, digits: 2 });
    report.add(`pages.${p.name}.first_load_zod_chunks`, js.zodChunks.length, "chunks", FORM_PAGES.has(p.path) ? {} : { budget: { op: "<=", limit: 0 } });
    report.note(`pages.${p.name}: ${js.chunks} chunks, ${(js.raw / 1000).toFixed(1)} kB before compression${js.zodChunks.length ? `; zod in ${js.zodChunks.join(", ")}${FORM_PAGES.has(p.path) ? " (a form page)" : ""}` : ""}`);
    if (only.presets.has("desktop")) targets.push({ ...p, preset: "desktop" });
  }
  if (only.presets.has("mobile"))
    for (const p of chosen) if (MOBILE_PAGES.has(p.path) && !report.missing.some((m) => m.name === `pages.${p.name}`)) targets.push({ ...p, preset: "mobile" });
  if (targets.length === 1) return;

  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: "silent" });
  const undo = onCleanup(() => chrome.kill());
  try {
    for (const p of targets) {
      const samples: { score: number; lcp: number; tbt: number; js: number }[] = [];
      // Lighthouse's default configuration is the mobile preset.
      const config: Config | undefined = p.preset === "desktop" ? desktopConfig : undefined;
      const prefix = `pages.${p.name}${p.preset === "mobile" ? ".mobile" : ""}`;
      for (let i = 0; i < runs; i++) {
        const signedIn = p.path !== REFERENCE.path;
        // A run that could not measure (e.g. no paint seen in time on a busy machine) is tried once more.
        let lhr: RunnerResult["lhr"];
        for (let attempt = 1; ; attempt++) {
          const result = await lighthouse(
            stack.dashboardUrl + p.path,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: signedIn ? { cookie } : {} },
            config,
          );
          if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${p.path}`);
          lhr = result.lhr;
          const problem = lhr.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : lhr.categories.performance?.score == null ? "no performance score" : null;
          if (!problem) break;
          if (attempt >= 2) throw new Error(`Lighthouse on ${p.path} (${p.preset}): ${problem}`);
          report.note(`${prefix}: Lighthouse run ${i + 1} failed (${problem}); tried again`);
        }
        const finalUrl = lhr.finalDisplayedUrl ?? "";
        if (new URL(finalUrl).pathname !== p.path) throw new Error(`Lighthouse on ${p.path} ended at ${finalUrl} (not signed in?)`);
        fs.writeFileSync(path.join(reportDir, `${p.name}${p.preset === "mobile" ? "-mobile" : ""}${runs > 1 ? `-${i + 1}` : ""}.json`), JSON.stringify(lhr));
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
      const budget = p.path === REFERENCE.path ? {} : { budget: { op: ">=" as const, limit: p.preset === "mobile" ? BUDGET.mobileScore : BUDGET.desktopScore } };
      report.add(`${prefix}.score`, m("score"), "score", budget);
      report.add(`${prefix}.lcp`, m("lcp"), "ms");
      report.add(`${prefix}.tbt`, m("tbt"), "ms");
      if (p.preset === "desktop") report.add(`${prefix}.js_transferred`, m("js") / 1000, "kB");
      if (runs > 1) report.note(`${prefix}: scores of the ${runs} runs ${samples.map((s) => s.score).join(", ")}`);
    }
  } finally {
    chrome.kill();
    undo();
  }
}
