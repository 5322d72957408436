// HTTP helpers: timed requests, the simulator's test controls, logging in, and autocannon runs.
import net from "node:net";
import autocannon, { type Options as CannonOptions, type Result as CannonResult } from "autocannon";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Nearest-rank percentile of a list (sorted or not). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
}

/** One GET, timed from sending to the last byte of the body. */
export async function timedGet(url: string, headers: Record<string, string> = {}): Promise<Timed> {
  const t0 = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

/** Fails if something already listens on 127.0.0.1:port (another run, another helper). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} (${what}) is already in use on 127.0.0.1; stop what runs there or pick another port`);
}

export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  time: string;
}

/** The standalone simulator's test controls (lib/telnyx-sim/server.ts). */
export class SimControl {
  constructor(readonly origin: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.origin}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`simulator ${method} ${path} → ${res.status}: ${await res.text()}`);
    return res;
  }

  async addFault(fault: Record<string, unknown>): Promise<void> {
    await this.call("POST", "/__sim/faults", fault);
  }
  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/__sim/faults");
  }
  async clearRequests(): Promise<void> {
    await this.call("DELETE", "/__sim/requests");
  }
  async requests(): Promise<SimRequest[]> {
    return ((await (await this.call("GET", "/__sim/requests")).json()) as { data: SimRequest[] }).data;
  }
  async reset(): Promise<void> {
    await this.call("POST", "/__sim/reset");
  }
}

/** Logs in through the dashboard's API; returns the `cookie` header value for the session. */
export async function login(origin: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
  if (res.status !== 204) throw new Error(`login of ${email} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";", 1)[0]!);
  if (cookies.length === 0) throw new Error(`login of ${email} set no cookie`);
  return cookies.join("; ");
}

/** The session cookie as Playwright wants it (name, value) from a `cookie` header value. */
export function parseCookieHeader(header: string): { name: string; value: string }[] {
  return header.split(/;\s*/).map((pair) => {
    const i = pair.indexOf("=");
    return { name: pair.slice(0, i), value: pair.slice(i + 1) };
  });
}

export type { CannonResult };

export interface ResponseEvent {
  t: number;
  status: number;
  ms: number;
}

/**
 * One autocannon run, bounded by `duration` (seconds) or `amount`. Optionally records every
 * response's time and status (for the resilience timeline).
 */
export async function cannon(options: CannonOptions, record?: ResponseEvent[]): Promise<CannonResult> {
  if (!options.duration && !options.amount) throw new Error("an autocannon run needs a duration or an amount");
  const instance = autocannon({ timeout: 30, ...options });
  if (record)
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      record.push({ t: Date.now(), status, ms });
    });
  return await instance;
}

/** Requests per second over a run: completed responses / wall seconds. */
export const rps = (r: CannonResult) => r.requests.total / Math.max(0.001, r.duration);
