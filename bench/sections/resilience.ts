// 5. Resilience under load: 50 readers while the simulator answers every call with 429 and
// Retry-After: 1 for 5 s. Cached reads must keep being served (no 5xx), the dashboard must not
// retry a call more than once a second, and readers must get 2xx again within 2 s of the end.
import { cannon, sleep, type ResponseEvent, type SimRequest } from "../lib/http";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";

const FAULT_AFTER_MS = 7_000;
const FAULT_MS = 5_000;
const AFTER_FAULT_MS = 5_000;

/** Largest number of items in any half-open window [t, t + windowMs). */
export function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

const keyOf = (r: SimRequest) =>
  `${r.method} ${r.path}?${Object.entries(r.query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join("&")}`;

export async function resilience(stack: Stack, report: Report): Promise<void> {
  const headers = { cookie: stack.ownerCookie };
  const url = stack.dashboardUrl;
  // Cached readers read keys whose TTL runs out inside the fault window, so the dashboard has to
  // refresh them from a failing upstream: balance and auto-recharge (10 s TTL) are first read by
  // the readers at T0 after an idle 11 s; audit events (15 s) are read once at T0 − 5 s.
  const cachedPaths = ["/api/balance", "/api/auto-recharge", "/api/audit-events?size=5"];
  await sleep(6_000);
  const warm = await fetch(`${url}/api/audit-events?size=5`, { headers });
  if (warm.status !== 200) throw new Error(`warming /api/audit-events?size=5 → ${warm.status}`);
  await warm.arrayBuffer();
  await sleep(5_000);
  await stack.sim.clearRequests();

  const T0 = Date.now();
  const total = (FAULT_AFTER_MS + FAULT_MS + AFTER_FAULT_MS) / 1000;
  const cachedEvents: ResponseEvent[][] = cachedPaths.map(() => []);
  const uncachedEvents: ResponseEvent[] = [];
  const base = Date.now();
  let k = 0;
  // 40 connections on cached reads (14 + 13 + 13), 10 on reads no cache can serve.
  const runs = [
    ...cachedPaths.map((path, i) => cannon({ url: url + path, connections: i === 0 ? 14 : 13, duration: total, headers }, cachedEvents[i])),
    cannon(
      {
        url,
        connections: 10,
        duration: total,
        headers,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/audit-events?size=1&created_before=${encodeURIComponent(new Date(base - ++k * 1000).toISOString())}` }) }],
      },
      uncachedEvents,
    ),
  ];

  const faults = (async () => {
    await sleep(T0 + FAULT_AFTER_MS - Date.now());
    await stack.sim.addFault({ path: "*", status: 429, retryAfter: 1 });
    const start = Date.now();
    await sleep(FAULT_MS);
    const endSent = Date.now();
    await stack.sim.clearFaults();
    return { start, end: endSent };
  })();
  const [results, window] = await Promise.all([Promise.all(runs), faults]);
  stack.assertAlive();
  const log = (await stack.sim.requests()).map((r) => ({ ...r, t: Date.parse(r.time) }));

  // Responses.
  const cached = cachedEvents.flat();
  const count = (events: ResponseEvent[], test: (s: number) => boolean) => events.filter((e) => test(e.status)).length;
  const errors = results.reduce((n, r) => n + r.errors, 0);
  report.add("resilience.cached.responses", cached.length, "responses");
  report.add("resilience.cached.5xx", count(cached, (s) => s >= 500), "responses", { budget: { op: "<=", limit: 0 } });
  report.add("resilience.cached.non_2xx", count(cached, (s) => s < 200 || s >= 300), "responses");
  report.add("resilience.cached.max_latency", Math.max(...cached.map((e) => e.ms)), "ms");
  report.add("resilience.uncached.responses", uncachedEvents.length, "responses");
  report.add("resilience.uncached.2xx", count(uncachedEvents, (s) => s >= 200 && s < 300), "responses");
  report.add("resilience.uncached.429", count(uncachedEvents, (s) => s === 429), "responses");
  report.add("resilience.uncached.5xx", count(uncachedEvents, (s) => s >= 500), "responses");
  report.add("resilience.connection_errors", errors, "errors");
  for (const [i, path] of cachedPaths.entries())
    report.note(`resilience: ${path} statuses ${JSON.stringify(results[i]!.statusCodeStats)}`);
  report.note(`resilience: uncached audit-events statuses ${JSON.stringify(results.at(-1)!.statusCodeStats)}`);

  // Upstream calls while the faults were on (a call sent just before the fault was added counts too).
  const during = log.filter((r) => r.t >= window.start - 50 && r.t <= window.end);
  const perKey = new Map<string, number[]>();
  const perOp = new Map<string, number[]>();
  for (const r of during) {
    const key = keyOf(r);
    perKey.set(key, [...(perKey.get(key) ?? []), r.t]);
    perOp.set(r.path, [...(perOp.get(r.path) ?? []), r.t]);
  }
  const retries = [...perKey.values()].reduce((n, ts) => n + ts.length - 1, 0);
  report.add("resilience.upstream.calls_during_faults", during.length, "calls");
  report.add("resilience.upstream.retries_during_faults", retries, "calls");
  report.add("resilience.upstream.max_calls_per_request_per_s", Math.max(0, ...[...perKey.values()].map((t) => maxInWindow(t, 1000))), "calls/s", {
    budget: { op: "<=", limit: 1 },
  });
  report.add("resilience.upstream.max_calls_per_operation_per_s", Math.max(0, ...[...perOp.values()].map((t) => maxInWindow(t, 1000))), "calls/s");
  const opSummary = Object.fromEntries(
    [...perOp.entries()].map(([op, t]) => [op, { calls: t.length, distinct_requests: new Set(during.filter((r) => r.path === op).map(keyOf)).size, max_per_s: maxInWindow(t, 1000) }]),
  );
  report.note(`resilience: upstream calls during the ${FAULT_MS / 1000} s of 429s by operation: ${JSON.stringify(opSummary)}`);

  // Recovery: from the end of the faults until every reader gets 2xx again.
  const all = [...cached, ...uncachedEvents];
  const lastBad = Math.max(window.end, ...all.filter((e) => e.t >= window.end && (e.status < 200 || e.status >= 300)).map((e) => e.t));
  const readersEnd = Math.max(...all.map((e) => e.t));
  const anyGoodAfter = all.some((e) => e.t > lastBad && e.status >= 200 && e.status < 300);
  const recovery = anyGoodAfter ? lastBad - window.end : readersEnd - window.end;
  report.add("resilience.recovery", recovery / 1000, "s", { budget: { op: "<=", limit: 2 } });
  if (!anyGoodAfter) report.note("resilience: readers still got errors when the run ended");
  // When each cached operation was read from upstream again after the faults (informational: a
  // value refreshed from the stale copy keeps its TTL first).
  for (const op of ["/v2/balance", "/v2/payment/auto_recharge_prefs"]) {
    const next = log.find((r) => r.path === op && r.t > window.end);
    report.note(`resilience: first ${op} call after the faults: ${next ? `${((next.t - window.end) / 1000).toFixed(2)} s after` : "none before the readers stopped"}`);
  }
}
