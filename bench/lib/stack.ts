// What the benchmark runs against: the production build (built here when stale), a fresh SQLite
// database with bench users, the standalone Telnyx simulator and the standalone server, all children of
// this process on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { assertPortFree, login, SimControl } from "./http";
import type { Options } from "./options";
import { spawnManaged, stop, waitUntil, type Managed } from "./procs";

export const BENCH_API_KEY = "bench-key";
export const OWNER_EMAIL = "bench-owner@bench.test";
/** Page-load users (finance: they may open the overview). */
export const READER_COUNT = 10;
export const readerEmail = (i: number) => `bench-user-${String(i + 1).padStart(2, "0")}@bench.test`;

// What goes into the production build. Tests, e2e, scripts and the benchmark itself do not.
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "package-lock.json"];
const NOT_BUILD_INPUT = /\.(test|spec|contract)\.[cm]?[tj]sx?$|\/testing(\/|\.ts$)/;

function newestMtime(root: string, rel: string): { mtime: number; file: string } {
  let best = { mtime: 0, file: "" };
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else if (!NOT_BUILD_INPUT.test(p) && st.mtimeMs > best.mtime) best = { mtime: st.mtimeMs, file: path.relative(root, p) };
  };
  visit(path.join(root, rel));
  return best;
}

/** Why the build folder needs a (re)build, or null when it is newer than every build input. */
export function staleReason(root: string, distDir: string): string | null {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return `${distDir}/BUILD_ID is missing`;
  const built = fs.statSync(buildId).mtimeMs;
  for (const rel of BUILD_INPUTS) {
    const n = newestMtime(root, rel);
    if (n.mtime > built) return `${n.file} changed after the last build`;
  }
  return null;
}

/**
 * `next build` into the bench's folder under the shared build lock. Next adds the folder's types
 * to tsconfig.json's "include"; that addition is taken out again afterwards (nothing else touched).
 */
export async function ensureBuild(opts: Options, root: string, logDir: string, say: (s: string) => void): Promise<void> {
  const reason = opts.build === "always" ? "--build always" : opts.build === "never" ? null : staleReason(root, opts.distDir);
  if (opts.build === "never") {
    if (!fs.existsSync(path.join(root, opts.distDir, "BUILD_ID"))) throw new Error(`--build never, but ${opts.distDir} holds no build`);
    say(`using the existing build in ${opts.distDir} (--build never)`);
    return;
  }
  if (!reason) {
    say(`using the existing build in ${opts.distDir} (newer than its sources)`);
    return;
  }
  say(`building into ${opts.distDir} (${reason}); waiting for /tmp/next-build.lock if another build runs`);
  const tsconfigPath = path.join(root, "tsconfig.json");
  const includeBefore = new Set<string>((JSON.parse(fs.readFileSync(tsconfigPath, "utf8")) as { include?: string[] }).include ?? []);
  const t0 = Date.now();
  const build = spawnManaged("next-build", "flock", ["/tmp/next-build.lock", process.execPath, "node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: opts.distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    logFile: path.join(logDir, "build.log"),
  });
  try {
    const code = await build.exited;
    if (code !== 0) {
      const tail = fs.readFileSync(build.logFile, "utf8").trimEnd().split("\n").slice(-30).join("\n");
      throw new Error(`next build failed (${code}); see ${path.relative(root, build.logFile)}:\n${tail}`);
    }
  } finally {
    restoreTsconfigInclude(tsconfigPath, includeBefore, opts.distDir);
  }
  // The standalone server (what the shared-state section starts) needs its static files beside it.
  execFileSync(process.execPath, ["scripts/prepare-standalone.mjs"], { cwd: root, env: { ...process.env, NEXT_DIST_DIR: opts.distDir }, stdio: "inherit" });
  say(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s (including any wait for the lock)`);
}

function restoreTsconfigInclude(file: string, before: Set<string>, distDir: string): void {
  const text = fs.readFileSync(file, "utf8");
  const json = JSON.parse(text) as { include?: string[] };
  const prefix = `${distDir.replace(/^\.\//, "")}/`;
  const include = (json.include ?? []).filter((p) => before.has(p) || !p.startsWith(prefix));
  if (include.length === (json.include ?? []).length) return;
  json.include = include;
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + (text.endsWith("\n") ? "\n" : ""));
}

export interface Account {
  email: string;
  password: string;
  role: "owner" | "finance";
}

export class Stack {
  readonly dashboardUrl: string;
  readonly simOrigin: string;
  readonly simApi: string;
  readonly sim: SimControl;
  readonly owner: Account;
  readonly readers: Account[];
  readonly dbFile: string;
  private readonly sessionSecret = randomBytes(32).toString("base64url");
  simProc: Managed | null = null;
  dashboard: Managed | null = null;
  simScale: "small" | "large" | null = null;
  /** Session cookie of the owner (valid across dashboard restarts: sessions live in the database). */
  ownerCookie = "";

  constructor(
    readonly opts: Options,
    readonly root: string,
    readonly logDir: string,
    private readonly say: (s: string) => void,
  ) {
    this.dashboardUrl = `http://127.0.0.1:${opts.dashboardPort}`;
    this.simOrigin = `http://127.0.0.1:${opts.simPort}`;
    this.simApi = `${this.simOrigin}/v2`;
    this.sim = new SimControl(this.simOrigin);
    const pw = () => randomBytes(18).toString("base64url");
    this.owner = { email: OWNER_EMAIL, password: pw(), role: "owner" };
    this.readers = Array.from({ length: READER_COUNT }, (_, i) => ({ email: readerEmail(i), password: pw(), role: "finance" as const }));
    this.dbFile = path.join(root, "data", "bench.sqlite");
  }

  /** The dashboard's environment (SQLite database, simulator, secrets), for this stack's children. */
  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ["DEMO_PASSWORD", "TELNYX_SIM_SEED", "TELNYX_SIM_SCALE", "TELNYX_DOWNLOAD_HOSTS", "PORT"]) delete env[k];
    return {
      ...env,
      TELNYX_API_KEY: BENCH_API_KEY,
      TELNYX_API_BASE_URL: this.simApi,
      DATABASE_URL: "./data/bench.sqlite",
      SESSION_SECRET: this.sessionSecret,
      NEXT_DIST_DIR: this.opts.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // The ledger's worker would add upstream calls to what the sections count (the ledger section runs it itself).
      SYNC_WORKER: "off",
    };
  }

  async checkPorts(): Promise<void> {
    await assertPortFree(this.opts.dashboardPort, "dashboard");
    await assertPortFree(this.opts.simPort, "simulator");
  }

  /** A fresh database with the owner and the page-load users, created through the users CLI's code. */
  async createUsers(): Promise<void> {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(this.dbFile + suffix, { force: true });
    const p = spawnManaged("users", process.execPath, ["--import", "tsx", "bench/add-users.ts"], {
      cwd: this.root,
      env: this.env(),
      logFile: path.join(this.logDir, "users.log"),
      stdin: JSON.stringify([this.owner, ...this.readers]),
    });
    const code = await p.exited;
    if (code !== 0) throw new Error(`creating the bench users failed (${code}); see ${path.relative(this.root, p.logFile)}`);
  }

  async startSim(scale: "small" | "large", extraArgs: string[] = []): Promise<void> {
    if (this.simProc) await stop(this.simProc);
    this.simProc = spawnManaged(`sim-${scale}`, process.execPath, ["--import", "tsx", "scripts/sim.ts", "--port", String(this.opts.simPort), "--seed", "42", "--scale", scale, ...extraArgs], {
      cwd: this.root,
      env: { ...process.env, TELNYX_SIM_API_KEY: BENCH_API_KEY },
      logFile: path.join(this.logDir, "sim.log"),
    });
    await waitUntil(this.simProc, "the simulator", async () => (await fetch(`${this.simOrigin}/__sim/faults`)).ok, 30_000);
    this.simScale = scale;
    this.say(`simulator (scale ${scale}) at ${this.simApi}, pid ${this.simProc.pid}`);
  }

  /** (Re)starts the dashboard: a new process, so the read cache starts empty. */
  async startDashboard(): Promise<void> {
    if (this.dashboard) await stop(this.dashboard);
    this.dashboard = spawnManaged("dashboard", process.execPath, ["scripts/serve.mjs", path.join(this.opts.distDir, "standalone", "server.js"), "-H", "127.0.0.1", "-p", String(this.opts.dashboardPort)], {
      cwd: this.root,
      env: { ...this.env(), NODE_ENV: "production" },
      logFile: path.join(this.logDir, "dashboard.log"),
    });
    await waitUntil(this.dashboard, "the dashboard", async () => (await fetch(`${this.dashboardUrl}/api/health`)).status === 200, 60_000);
    this.say(`dashboard at ${this.dashboardUrl}, pid ${this.dashboard.pid}`);
  }

  async loginOwner(): Promise<string> {
    this.ownerCookie = await login(this.dashboardUrl, this.owner.email, this.owner.password);
    return this.ownerCookie;
  }

  loginReaders(): Promise<string[]> {
    return Promise.all(this.readers.map((r) => login(this.dashboardUrl, r.email, r.password)));
  }

  get dashboardPid(): number {
    if (!this.dashboard || this.dashboard.hasExited()) throw new Error("the dashboard is not running");
    return this.dashboard.pid;
  }

  /** Fails the section when the dashboard died under load (with its log's end). */
  assertAlive(): void {
    for (const m of [this.dashboard, this.simProc])
      if (m?.hasExited()) throw new Error(`${m.name} exited unexpectedly; see ${path.relative(this.root, m.logFile)}`);
  }
}
