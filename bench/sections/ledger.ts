// 7. The ledger's first backfill at --scale large, the simulator limiting the account to 600 calls
// a minute (like Telnyx) and the worker's budget at 300: time, upstream calls, the busiest rolling
// minute (≤ budget, no 429), database size, and the pages answering meanwhile; then an
// incremental run with nothing new. Runs `npm run sync -- --once` as its own process, as a cron
// job would, against a dashboard whose in-process worker is off. Skipped by --quick (CI).
import fs from "node:fs";
import path from "node:path";
import { sleep, timedGet, percentile, type SimRequest } from "../lib/http";
import { spawnManaged } from "../lib/procs";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";
import { maxInWindow } from "./resilience";

export const LEDGER_BUDGET = 300;
export const SIM_RATE_LIMIT = 600;

async function syncOnce(stack: Stack, dbFile: string, name: string): Promise<{ seconds: number; calls: number; outcomes: string }> {
  const p = spawnManaged(name, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sync.ts", "--once"], {
    cwd: stack.root,
    env: { ...stack.env(), DATABASE_URL: dbFile, SYNC_MAX_CALLS_PER_MINUTE: String(LEDGER_BUDGET) },
    logFile: path.join(stack.logDir, `${name}.log`),
  });
  const code = await p.exited;
  const log = fs.readFileSync(p.logFile, "utf8");
  const done = /done in ([\d.]+) s, (\d+) upstream calls/.exec(log);
  if (code !== 0 || !done) throw new Error(`${name} failed (${code}); see ${path.relative(stack.root, p.logFile)}`);
  const outcomes = [...log.matchAll(/^(\w+): (\w+) \(\d+ calls\)$/gm)].map((m) => `${m[1]} ${m[2]}`).join(", ");
  return { seconds: Number(done[1]), calls: Number(done[2]), outcomes };
}

export async function ledger(stack: Stack, report: Report): Promise<void> {
  const dbFile = path.join(stack.root, "data", "bench-ledger.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  await stack.sim.clearRequests();

  // The pages meanwhile: a balance read every 2 s (10 s cache, so most reach the simulator's limit too).
  let reading = true;
  const pageTimes: number[] = [];
  let pageFailures = 0;
  const reader = (async () => {
    while (reading) {
      const r = await timedGet(`${stack.dashboardUrl}/api/balance`, { cookie: stack.ownerCookie });
      pageTimes.push(r.ms);
      if (r.status !== 200) pageFailures++;
      await sleep(2_000);
    }
  })();
  const first = await syncOnce(stack, dbFile, "ledger-backfill");
  reading = false;
  await reader;

  const requests: SimRequest[] = await stack.sim.requests();
  const worker = requests.filter((r) => !r.path.endsWith("/balance")).map((r) => Date.parse(r.time));
  report.add("ledger backfill time (large)", first.seconds, "s", { note: first.outcomes });
  report.add("ledger backfill upstream calls", first.calls, "calls");
  report.add("ledger backfill calls per minute (busiest rolling minute)", maxInWindow(worker, 60_000), "calls", {
    budget: { op: "<=", limit: LEDGER_BUDGET },
  });
  report.add("ledger backfill streams not ok", first.outcomes.split(", ").filter((o) => !o.endsWith(" ok")).length, "streams", {
    budget: { op: "<=", limit: 0 },
    note: "a 429 would show as rate_limited",
  });
  report.add("pages during the backfill: failed balance reads", pageFailures, "responses", { budget: { op: "<=", limit: 0 } });
  if (pageTimes.length) report.add("pages during the backfill: balance read p95", percentile(pageTimes, 95), "ms");
  const size = ["", "-wal"].reduce((a, s) => a + (fs.existsSync(dbFile + s) ? fs.statSync(dbFile + s).size : 0), 0);
  report.add("ledger database size after the backfill", size / 1024 ** 2, "MB");

  // Nothing new: only the rolling minute of the backfill is waited out first, so the run isn't held by it.
  await sleep(61_000);
  const again = await syncOnce(stack, dbFile, "ledger-incremental");
  report.add("ledger incremental run time", again.seconds, "s");
  report.add("ledger incremental run upstream calls", again.calls, "calls", {
    note: "balance, invoice list, current month, audit and delivery heads, and usage's trailing days re-read (3 days × types with records)",
  });
}
