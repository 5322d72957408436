// npm run bench [-- --quick] — benchmarks and budgets of the dashboard (see bench/README.md).
// Starts the simulator and the production build itself on 127.0.0.1, measures each figure against
// its reference in the same run, prints `name: value unit` lines and writes them to
// bench/results/latest.json. Exit 0 whether budgets are met or not; 1 when the harness broke.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright";
import { launchBrowser } from "./lib/browser";
import { parseOptions, type Options, type Section } from "./lib/options";
import { killRemainingSync, stopAll } from "./lib/procs";
import { Report } from "./lib/report";
import { ensureBuild, Stack } from "./lib/stack";
import { concurrentReaders, pageLoads } from "./sections/coalescing";
import { pageSpeed } from "./sections/pages";
import { addedLatency, throughput } from "./sections/proxy";
import { resilience } from "./sections/resilience";
import { ledger, SIM_RATE_LIMIT } from "./sections/ledger";
import { scale } from "./sections/scale";
import { sharedState } from "./sections/shared";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = new Date();
const t0 = Date.now();
const say = (s: string) => process.stderr.write(`[bench +${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}\n`);

function quiet(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    load_average_at_start: os.loadavg().map((x) => Number(x.toFixed(2))),
    node: process.version,
    chromium: quiet(process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium", ["--version"]),
    commit: quiet("git", ["rev-parse", "--short", "HEAD"]),
    uncommitted_changes: (quiet("git", ["status", "--porcelain"]) ?? "").split("\n").filter(Boolean).length,
  };
}

async function section(report: Report, name: string, run: () => Promise<void>): Promise<void> {
  say(`section ${name}`);
  const s = Date.now();
  try {
    await run();
  } catch (e) {
    report.addError(name, e);
  }
  say(`section ${name} done in ${((Date.now() - s) / 1000).toFixed(0)} s`);
}

async function main(opts: Options, report: Report): Promise<void> {
  const logDir = path.join(root, "bench", "results", "logs");
  fs.mkdirSync(logDir, { recursive: true });
  for (const f of fs.readdirSync(logDir)) if (f.endsWith(".log")) fs.rmSync(path.join(logDir, f));
  const on = (s: Section) => opts.only.has(s);
  const stack = new Stack(opts, root, logDir, say);

  await stack.checkPorts();
  await ensureBuild(opts, root, logDir, say);
  await stack.createUsers();

  let browser: Browser | null = null;
  const getBrowser = async () => (browser ??= await launchBrowser());

  const smallPhase = (["coalescing", "proxy", "resilience", "pageloads", "pages"] as const).some(on) || (opts.quick && on("scale"));
  if (smallPhase) {
    await stack.startSim("small");
    await stack.startDashboard();
    await stack.loginOwner();
    // First, while the read cache is cold: 200 concurrent readers per key.
    if (on("coalescing")) await section(report, "coalescing (200 concurrent readers)", () => concurrentReaders(stack, report));
    if (on("proxy")) {
      await section(report, "proxy (added latency)", () => addedLatency(stack, report, opts.quick));
      await section(report, "proxy (throughput)", () => throughput(stack, report, opts.quick));
    }
    if (on("resilience")) await section(report, "resilience (429 storm under load)", () => resilience(stack, report));
    if (on("pageloads") || on("pages")) {
      // A new dashboard process: the page loads start on an empty cache.
      await stack.startDashboard();
      if (on("pageloads")) await section(report, "page loads (10 users)", async () => pageLoads(stack, report, await getBrowser()));
      if (on("pages")) {
        if (opts.quick) report.note("quick run: Lighthouse skipped");
        else await section(report, "page speed (Lighthouse)", () => pageSpeed(stack, report, opts.lighthouseRuns, { pages: opts.pages, presets: opts.presets }));
      }
    }
  }
  if (on("shared")) {
    if (!stack.dashboard || stack.simScale !== "small") {
      await stack.startSim("small");
      await stack.startDashboard();
      await stack.loginOwner();
    }
    await section(report, "shared state (Postgres + Redis, two instances)", () => sharedState(stack, report, opts.quick));
  }
  if (on("scale")) {
    if (opts.quick) {
      report.note("quick run: scale figures measured on the small simulator (audit log to row 300), not comparable to the full run");
      await stack.startDashboard();
    } else {
      await stack.startSim("large");
      await stack.startDashboard();
    }
    if (!stack.ownerCookie) await stack.loginOwner();
    await section(report, `scale (${stack.simScale})`, async () => scale(stack, report, await getBrowser(), opts.quick, opts.scaleParts));
  }
  if (on("ledger")) {
    if (opts.quick) report.note("quick run: the ledger backfill (large, about 15 minutes) is skipped");
    else {
      await stack.startSim("large", ["--rate-limit", String(SIM_RATE_LIMIT)]);
      await stack.startDashboard();
      if (!stack.ownerCookie) await stack.loginOwner();
      await section(report, "ledger (first backfill, large)", () => ledger(stack, report));
    }
  }
}

function write(opts: Options, report: Report, fatal: unknown, meta: ReturnType<typeof machine>): string {
  const out = path.resolve(root, opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const finished = new Date();
  const json = {
    schema: 1,
    mode: opts.quick ? "quick" : "full",
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    started: started.toISOString(),
    finished: finished.toISOString(),
    duration_s: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine: { ...meta, load_average_at_end: os.loadavg().map((x) => Number(x.toFixed(2))) },
    options: { ...opts, only: [...opts.only] },
    figures: report.figures,
    missing: report.missing,
    errors: fatal ? [...report.errors, { section: "setup", message: String((fatal as Error)?.stack ?? fatal) }] : report.errors,
    notes: report.notes,
  };
  fs.writeFileSync(out, JSON.stringify(json, null, 2) + "\n");
  return path.relative(root, out);
}

const opts = (() => {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
})();
const report = new Report();
const meta = machine();
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    say(`${sig}: stopping everything this run started`);
    void stopAll().finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
  });
process.on("exit", killRemainingSync);

say(`${opts.quick ? "quick" : "full"} run; ${meta.cores} cores, load average ${meta.load_average_at_start.join(" ")}`);
let fatal: unknown = null;
try {
  await main(opts, report);
} catch (e) {
  fatal = e;
  console.error(`bench: ${(e as Error)?.stack ?? e}`);
} finally {
  await stopAll();
}
const file = write(opts, report, fatal, meta);
console.log("");
for (const line of report.budgetTable()) console.log(line);
for (const n of report.notes) console.log(`note: ${n}`);
console.log(`results: ${file} (logs in bench/results/logs/)`);
process.exit(fatal || report.errors.length > 0 ? 1 : 0);
