// The two-instance stack, owned by the spec: one Postgres database and one Redis key prefix of its
// own (dropped afterwards), a TCP proxy in front of Redis that the test can cut, one standalone
// simulator, and two dashboard instances started as the README ships them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ADMIN_URL, hideCredentials, probePostgres, probeRedis, TEST_REDIS_URL as REDIS_URL } from "../../lib/db/services";

export { createTestPostgresDatabase as createDatabase, deleteRedisPrefix } from "../../lib/db/services";
export { REDIS_URL };
const BASE_PORT = Number(process.env.E2E_MULTI_PORT ?? 3150);
export const PORTS = { a: BASE_PORT, b: BASE_PORT + 1, sim: BASE_PORT + 2, redisProxy: BASE_PORT + 3 };
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
export const SERVER_ENTRY = path.join(DIST_DIR, "standalone", "server.js");
/** The start command the README gives for each instance. */
export const startCommand = (port: number) => ["scripts/serve.mjs", SERVER_ENTRY, "-H", "127.0.0.1", "-p", String(port)];
export const LOG_DIR = "test-results/multi";

export const USERS = {
  owner: { email: "owner@multi.test", password: "owner-password-multi-1" },
  finance: { email: "finance@multi.test", password: "finance-password-multi-1" },
};

/** What is missing (Postgres or Redis not answering), or null; with CI=true the caller fails instead of skipping. */
export async function servicesMissing(): Promise<string | null> {
  const [pgProbe, redisProbe] = await Promise.all([probePostgres(), probeRedis()]);
  if (!pgProbe.ok) return `Postgres at ${hideCredentials(ADMIN_URL)}: ${pgProbe.reason}`;
  if (!redisProbe.ok) return `Redis at ${REDIS_URL}: ${redisProbe.reason}`;
  return null;
}

/** A TCP proxy the test owns: cut() drops every connection and refuses new ones; restore() reopens. */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    private readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.port, "127.0.0.1", () => resolve());
    });
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  async restore(): Promise<void> {
    await this.start();
  }
}

function logFile(name: string): number {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  return fs.openSync(path.join(LOG_DIR, `${name}.log`), "w");
}

export async function waitForUrl(url: string, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: see ${LOG_DIR}/${name}.log`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs} ms: see ${LOG_DIR}/${name}.log`);
}

export function startProcess(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const out = logFile(name);
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
}

/** Runs an npm script the way an operator would; throws with its output on failure. */
export function npmRun(script: string, args: string[], env: Record<string, string>, input?: string): string {
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], { env: { ...process.env, ...env }, input, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run ${script} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export async function stop(child: ChildProcess | undefined): Promise<number | null> {
  if (!child || child.exitCode !== null) return child?.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
