// Child processes of the benchmark: each is spawned here, logged to a file, and stopped by its PID
// (SIGTERM, then SIGKILL) at the end, on an error, or on SIGINT/SIGTERM. Nothing is ever killed by name.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Managed {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  exited: Promise<number | string | null>;
  hasExited: () => boolean;
}

const running = new Set<Managed>();
const cleanups = new Set<() => Promise<void> | void>();

export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; stdin?: string },
): Managed {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const fd = fs.openSync(options.logFile, "a");
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} ${command} ${args.join(" ")}\n`);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: [options.stdin === undefined ? "ignore" : "pipe", fd, fd],
  });
  fs.closeSync(fd);
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  let done = false;
  const exited = new Promise<number | string | null>((resolve) => {
    child.once("exit", (code, signal) => {
      done = true;
      running.delete(managed);
      resolve(code ?? signal);
    });
    child.once("error", () => {
      done = true;
      running.delete(managed);
      resolve("spawn-error");
    });
  });
  const managed: Managed = { name, child, pid: child.pid, logFile: options.logFile, exited, hasExited: () => done };
  running.add(managed);
  return managed;
}

/** The PIDs of a process's descendants (e.g. `next build` under `flock`), from /proc. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      try {
        for (const c of fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) {
          out.push(Number(c));
          visit(Number(c));
        }
      } catch {
        /* gone */
      }
    }
  };
  visit(pid);
  return out;
}

const signal = (pids: number[], sig: NodeJS.Signals) => {
  for (const p of pids)
    try {
      process.kill(p, sig);
    } catch {
      /* already gone */
    }
};

/**
 * Stops one process and the processes it started, by PID: SIGTERM, and SIGKILL for whatever is
 * still there after `graceMs`.
 */
export async function stop(m: Managed, graceMs = 5_000): Promise<void> {
  if (m.hasExited()) return;
  const tree = [m.pid, ...descendants(m.pid)];
  signal(tree, "SIGTERM");
  const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
  if ((await Promise.race([m.exited, timer])) === "timeout" || tree.slice(1).some(alive)) {
    signal(tree.filter(alive), "SIGKILL");
    await Promise.race([m.exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Something else to undo at the end (a browser, a Chrome launched by chrome-launcher). */
export function onCleanup(fn: () => Promise<void> | void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export async function stopAll(): Promise<void> {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch {
      /* best effort */
    }
  }
  await Promise.all([...running].map((m) => stop(m)));
}

/** Last resort when the process exits without having cleaned up: SIGKILL what is left, by PID. */
export function killRemainingSync(): void {
  for (const m of running) signal([m.pid, ...descendants(m.pid)], "SIGKILL");
}

/** The last lines of a child's log, for error messages. */
export function logTail(m: Managed, lines = 15): string {
  try {
    return fs.readFileSync(m.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Waits until `probe` resolves true, failing early if `m` exits. Bounded by `timeoutMs`. */
export async function waitUntil(m: Managed | null, what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (m?.hasExited()) throw new Error(`${m.name} exited while waiting for ${what}:\n${logTail(m)}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${m ? `:\n${logTail(m)}` : ""}`);
}

/** Resident memory (kB → bytes) of a process and its descendants, from /proc. */
export function treeRssBytes(pid: number): number {
  let total = 0;
  const seen = new Set<number>();
  const visit = (p: number) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      return;
    }
    try {
      for (const c of fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(c));
    } catch {
      /* no children file */
    }
  };
  visit(pid);
  return total;
}

/** Samples a process tree's RSS every `everyMs` until stopped; keeps the peak and all samples. */
export function sampleRss(pid: number, everyMs = 100) {
  const samples: { t: number; rss: number }[] = [];
  const take = () => samples.push({ t: Date.now(), rss: treeRssBytes(pid) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop(): { peak: number; samples: { t: number; rss: number }[] } {
      clearInterval(timer);
      take();
      return { peak: Math.max(...samples.map((s) => s.rss)), samples };
    },
  };
}

let clockTicks: number | null = null;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}
