// 1. Proxy overhead: added latency of one uncached read (dashboard vs. the same read sent straight
// to the simulator, interleaved), and served throughput of a cached read vs. the cheapest route.
import { cannon, median, percentile, rps, timedGet, type CannonResult } from "../lib/http";
import { cpuMs } from "../lib/procs";
import type { Report } from "../lib/report";
import { BENCH_API_KEY, type Stack } from "../lib/stack";

const auth = { authorization: `Bearer ${BENCH_API_KEY}` };

/** Sequential pairs, each request a cache miss: audit-log page i of size 1 (distinct key each time). */
export async function addedLatency(stack: Stack, report: Report, quick: boolean): Promise<void> {
  const n = quick ? 40 : 300;
  const warm = quick ? 10 : 30;
  const cookie = { cookie: stack.ownerCookie };
  const dash = (page: number, size: number) => `${stack.dashboardUrl}/api/audit-events?page=${page}&size=${size}`;
  const direct = (page: number, size: number) => `${stack.simApi}/audit_events?page[number]=${page}&page[size]=${size}&sort=desc`;
  const check = (what: string, status: number) => {
    if (status !== 200) throw new Error(`${what} answered ${status}`);
  };

  // Warm-up (JIT, connections) on a key space the measurement never uses (size 2).
  for (let i = 1; i <= warm; i++) {
    check("warm-up via the dashboard", (await timedGet(dash(i, 2), cookie)).status);
    check("warm-up to the simulator", (await timedGet(direct(i, 2), auth)).status);
  }
  await stack.sim.clearRequests();
  const dashPid = stack.dashboardPid;
  const simPid = stack.simProc!.pid;
  const cpu0 = { dash: cpuMs(dashPid), sim: cpuMs(simPid) };
  const viaDashboard: number[] = [];
  const straight: number[] = [];
  const paired: number[] = [];
  for (let i = 1; i <= n; i++) {
    // Alternate which goes first so neither side always meets a warmer machine.
    const order = i % 2 === 0 ? (["d", "s"] as const) : (["s", "d"] as const);
    let d = 0;
    let s = 0;
    for (const side of order) {
      if (side === "d") {
        const r = await timedGet(dash(i, 1), cookie);
        check(`GET /api/audit-events page ${i}`, r.status);
        d = r.ms;
      } else {
        const r = await timedGet(direct(i, 1), auth);
        check(`simulator audit_events page ${i}`, r.status);
        s = r.ms;
      }
    }
    viaDashboard.push(d);
    straight.push(s);
    paired.push(d - s);
  }
  const cpu1 = { dash: cpuMs(dashPid), sim: cpuMs(simPid) };
  const upstream = (await stack.sim.requests()).filter((r) => r.path === "/v2/audit_events");
  // Where the added time goes (informational): the same sequential client against the cheapest
  // route (no session, no upstream) and against a cached read (session, validation, cache hit).
  // CPU time per request (from /proc, so it holds on a busy machine) says what each part costs.
  const health: number[] = [];
  const cached: number[] = [];
  const h0 = cpuMs(dashPid);
  for (let i = 0; i < n; i++) {
    const h = await timedGet(`${stack.dashboardUrl}/api/health`, cookie);
    check("GET /api/health", h.status);
    health.push(h.ms);
  }
  const h1 = cpuMs(dashPid);
  for (let i = 0; i < n; i++) {
    const c = await timedGet(dash(1, 2), cookie);
    check("cached GET /api/audit-events", c.status);
    cached.push(c.ms);
  }
  const c1 = cpuMs(dashPid);
  // Every dashboard request must have been a miss: n from the dashboard plus n direct.
  report.add("proxy.latency.requests", n, "pairs");
  report.add("proxy.latency.dashboard_p50", median(viaDashboard), "ms");
  report.add("proxy.latency.dashboard_p99", percentile(viaDashboard, 99), "ms");
  report.add("proxy.latency.sim_p50", median(straight), "ms");
  report.add("proxy.latency.sim_p99", percentile(straight, 99), "ms");
  const added = median(viaDashboard) - median(straight);
  report.add("proxy.latency.added_p50", added, "ms");
  report.add("proxy.latency.added_p50_paired", median(paired), "ms");
  report.add("proxy.latency.cache_misses", upstream.length - n, "calls");
  report.add("proxy.latency.health_p50", median(health), "ms");
  // What the dashboard adds to an upstream read, in units of its cheapest answer (same client,
  // same machine, same run): the session check, validation and the upstream client must together
  // cost no more than the framework's own round trip.
  report.add("proxy.latency.added_to_health_ratio", added / median(health), "ratio", { budget: { op: "<=", limit: 1 } });
  report.add("proxy.latency.cached_read_p50", median(cached), "ms");
  report.add("proxy.cpu.dashboard_uncached_read", (cpu1.dash - cpu0.dash) / n, "ms/request");
  report.add("proxy.cpu.dashboard_cached_read", (c1 - h1) / n, "ms/request");
  report.add("proxy.cpu.dashboard_health", (h1 - h0) / n, "ms/request");
  report.add("proxy.cpu.sim", (cpu1.sim - cpu0.sim) / (2 * n), "ms/request");
  if (upstream.length - n !== n) report.note(`proxy.latency: expected ${n} upstream calls from the dashboard, saw ${upstream.length - n}`);
}

function assertClean(what: string, r: CannonResult): void {
  if (r.errors > 0 || r.non2xx > 0)
    throw new Error(`${what}: ${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests.total} (${JSON.stringify(r.statusCodeStats)})`);
}

/**
 * autocannon, 10 connections: cached balance vs. /api/health, then uncached dashboard vs.
 * simulator, each pair in alternating short rounds so a slow moment of the machine hits both sides.
 */
export async function throughput(stack: Stack, report: Report, quick: boolean): Promise<void> {
  const headers = { cookie: stack.ownerCookie };
  const connections = 10;
  const rounds = quick ? 1 : 5;
  const seconds = 2;
  const dashPid = stack.dashboardPid;
  const simPid = stack.simProc!.pid;

  /** Alternates a and b for `rounds` rounds; totals requests, seconds and CPU ms of `pid` per side. */
  const alternate = async (a: () => Promise<CannonResult>, b: () => Promise<CannonResult>, what: [string, string], pids: [number, number]) => {
    const sum = [0, 1].map(() => ({ requests: 0, seconds: 0, cpu: 0 }));
    for (let i = 0; i < rounds; i++)
      for (const [side, run] of [a, b].entries()) {
        const c0 = cpuMs(pids[side]!);
        const r = await run();
        const c1 = cpuMs(pids[side]!);
        assertClean(what[side]!, r);
        if (process.env.BENCH_DEBUG) console.error(`  ${what[side]}: ${rps(r).toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, cpu ${((c1 - c0) / r.requests.total).toFixed(2)} ms/req`);
        sum[side]!.requests += r.requests.total;
        sum[side]!.seconds += r.duration;
        sum[side]!.cpu += c1 - c0;
      }
    return sum.map((x) => ({ rps: x.requests / x.seconds, cpuPerRequest: x.cpu / x.requests }));
  };

  const fixed = (path: string) => () => cannon({ url: stack.dashboardUrl + path, connections, duration: seconds, headers });
  await cannon({ url: stack.dashboardUrl + "/api/health", connections, duration: 1, headers });
  await cannon({ url: stack.dashboardUrl + "/api/balance", connections, duration: 1, headers });
  const [health, balance] = await alternate(fixed("/api/health"), fixed("/api/balance"), ["GET /api/health", "GET /api/balance"], [dashPid, dashPid]);
  report.add("proxy.throughput.health", health!.rps, "req/s");
  report.add("proxy.throughput.balance_cached", balance!.rps, "req/s");
  report.add("proxy.throughput.cached_ratio", balance!.rps / health!.rps, "ratio", { budget: { op: ">=", limit: 0.5 } });
  // The same comparison in CPU time per request, which a busy machine hardly moves: the ratio the
  // throughput tends to when the server is the bottleneck.
  report.add("proxy.throughput.cached_cpu_ratio", health!.cpuPerRequest / balance!.cpuPerRequest, "ratio");

  // Uncached: every request a distinct created_before, so every one goes upstream.
  const base = Date.now();
  let k = 0;
  const before = () => encodeURIComponent(new Date(base - ++k * 1000).toISOString());
  const distinct = (url: string, path: () => string, h: Record<string, string>) => () =>
    cannon({ url, connections, duration: seconds, headers: h, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: path() }) }] });
  const [viaDashboard, straight] = await alternate(
    distinct(stack.dashboardUrl, () => `/api/audit-events?size=1&created_before=${before()}`, headers),
    distinct(stack.simOrigin, () => `/v2/audit_events?page[number]=1&page[size]=1&sort=desc&filter[created_before]=${before()}`, auth),
    ["uncached /api/audit-events", "simulator audit_events"],
    [dashPid, simPid],
  );
  report.add("proxy.throughput.uncached_dashboard", viaDashboard!.rps, "req/s");
  report.add("proxy.throughput.uncached_sim", straight!.rps, "req/s");
  report.add("proxy.throughput.uncached_ratio", viaDashboard!.rps / straight!.rps, "ratio");
}
