// 7. Shared state: two instances on Postgres + Redis against the one SQLite instance the other
// sections use. A cached read's served throughput across both instances vs. one instance, the
// upstream calls of 200 concurrent readers spread over both (budget 1), and the p50 of a session
// check on each engine. Skipped (reported missing) when Postgres or Redis does not answer.
import fs from "node:fs";
import path from "node:path";
import { ADMIN_URL, createTestPostgresDatabase, deleteRedisPrefix, hideCredentials, probePostgres, probeRedis, TEST_REDIS_URL, uniqueName } from "../../lib/db/services";
import { cannon, login, rps } from "../lib/http";
import { spawnManaged, stop, waitUntil, type Managed } from "../lib/procs";
import type { Report } from "../lib/report";
import type { Stack } from "../lib/stack";

const CONCURRENT = 200;

/** Runs a tsx script to its end; its output goes to bench/results/logs/<name>.log. Returns that file. */
async function runChild(stack: Stack, name: string, script: string, env: NodeJS.ProcessEnv, stdin: string): Promise<string> {
  const logFile = path.join(stack.logDir, `${name}.log`);
  const p = spawnManaged(name, process.execPath, ["--import", "tsx", script], { cwd: stack.root, env, logFile, stdin });
  const code = await p.exited;
  if (code !== 0) throw new Error(`${name} failed (${code}); see ${path.relative(stack.root, logFile)}`);
  return logFile;
}

/** One session check's p50 (ms) on the database `env` names, for the stack's owner. */
async function sessionCheckP50(stack: Stack, env: NodeJS.ProcessEnv, label: string, count: number): Promise<number> {
  const stdin = JSON.stringify({ email: stack.owner.email, password: stack.owner.password, count });
  const logFile = await runChild(stack, `session-check-${label}`, "bench/session-check.ts", env, stdin);
  // The child's standard output is its log: the result is its last JSON line.
  const line = fs.readFileSync(logFile, "utf8").split("\n").reverse().find((l) => l.startsWith('{"p50_ms"'));
  if (!line) throw new Error(`the session check on ${label} printed no result; see ${path.relative(stack.root, logFile)}`);
  return (JSON.parse(line) as { p50_ms: number }).p50_ms;
}

export async function sharedState(stack: Stack, report: Report, quick: boolean): Promise<void> {
  const [pgProbe, redisProbe] = await Promise.all([probePostgres(), probeRedis()]);
  const why = !pgProbe.ok
    ? `Postgres at ${hideCredentials(ADMIN_URL)}: ${pgProbe.reason}`
    : !redisProbe.ok
      ? `Redis at ${TEST_REDIS_URL}: ${redisProbe.reason}`
      : null;
  if (why) {
    for (const f of ["shared.cached_read.rps_two_instances", "shared.coalescing.upstream_calls", "shared.session_check.p50_postgres"]) report.addMissing(f, why);
    return;
  }
  const seconds = quick ? 2 : 5;
  const headers = { cookie: stack.ownerCookie };
  const { url: dbUrl, drop } = await createTestPostgresDatabase("bench");
  const prefix = `${uniqueName("bench")}:`;
  const instances: Managed[] = [];
  try {
    const env: NodeJS.ProcessEnv = {
      ...stack.env(),
      DATABASE_URL: dbUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      NODE_ENV: "production",
    };
    await runChild(stack, "shared-migrate", "scripts/db-migrate.ts", env, "");
    await runChild(stack, "shared-users", "bench/add-users.ts", env, JSON.stringify([stack.owner]));
    const ports = [stack.opts.dashboardPort + 1, stack.opts.dashboardPort + 2];
    for (const [i, port] of ports.entries()) {
      const entry = path.join(stack.opts.distDir, "standalone", "server.js");
      const m = spawnManaged(`shared-instance-${i + 1}`, process.execPath, ["scripts/serve.mjs", entry, "-H", "127.0.0.1", "-p", String(port)], {
        cwd: stack.root,
        env,
        logFile: path.join(stack.logDir, `shared-instance-${i + 1}.log`),
      });
      instances.push(m);
      await waitUntil(m, `shared instance ${i + 1}`, async () => (await fetch(`http://127.0.0.1:${port}/api/health?ready=1`)).ok, 60_000);
    }
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const cookie = await login(urls[0]!, stack.owner.email, stack.owner.password);

    // 200 concurrent readers of a cold key, spread over both instances.
    await stack.sim.clearRequests();
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => fetch(`${urls[i % 2]}/api/balance`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status))),
    );
    const calls = (await stack.sim.requests()).filter((r) => r.path === "/v2/balance").length;
    report.add("shared.coalescing.upstream_calls", calls, "calls", { budget: { op: "<=", limit: 1 } });
    report.add("shared.coalescing.non_200", statuses.filter((s) => s !== 200).length, "responses");

    // Served throughput of the cached read: both instances at once vs. the one SQLite instance.
    await cannon({ url: stack.dashboardUrl + "/api/balance", connections: 10, duration: 1, headers });
    const one = await cannon({ url: stack.dashboardUrl + "/api/balance", connections: 10, duration: seconds, headers });
    const both = await Promise.all(urls.map((u) => cannon({ url: `${u}/api/balance`, connections: 5, duration: seconds, headers: { cookie } })));
    const twoRps = both.reduce((sum, r) => sum + rps(r), 0);
    report.add("shared.cached_read.rps_one_sqlite_instance", rps(one), "req/s");
    report.add("shared.cached_read.rps_two_instances", twoRps, "req/s");
    report.add("shared.cached_read.ratio", twoRps / rps(one), "ratio");

    // One session check on each engine, in process (no HTTP in the way).
    const count = quick ? 200 : 1_000;
    report.add("shared.session_check.p50_sqlite", await sessionCheckP50(stack, stack.env(), "sqlite", count), "ms");
    report.add("shared.session_check.p50_postgres", await sessionCheckP50(stack, env, "postgres", count), "ms");
  } finally {
    for (const m of instances) await stop(m);
    await drop().catch(() => {});
    await deleteRedisPrefix(prefix).catch(() => {});
  }
}
