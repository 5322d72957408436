// Shared by the simulator's tests (not shipped to the app).
import { createSimulator, type SimOptions, type Simulator } from "./index";

/** A fixed clock for tests: mid-month, mid-day UTC. */
export const TEST_NOW = new Date("2025-06-15T12:34:56.000Z");

export function testSim(opts: SimOptions = {}): Simulator {
  return createSimulator({ now: () => TEST_NOW, ...opts });
}

export interface Result<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(sim: Simulator, path: string, init: RequestInit & { auth?: string | null } = {}): Promise<Result<T>> {
  const headers = new Headers(init.headers);
  if (init.auth !== null) headers.set("authorization", init.auth ?? "Bearer test-key");
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await sim.handle(new Request(`http://sim.test/v2${path}`, { ...init, headers }));
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("application/json")) body = JSON.parse(text);
  return { status: res.status, body: body as T, headers: res.headers };
}

/** Reads every page of a list and returns all items. */
export async function allPages<T = any>(sim: Simulator, path: string, size: number): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = -1;
  for (let n = 1; ; n++) {
    const sep = path.includes("?") ? "&" : "?";
    const r = await call(sim, `${path}${sep}page[number]=${n}&page[size]=${size}`);
    if (r.status !== 200) throw new Error(`page ${n}: ${r.status} ${JSON.stringify(r.body)}`);
    items.push(...r.body.data);
    total = r.body.meta.total_results;
    if (n >= r.body.meta.total_pages) break;
  }
  return { items, total };
}

/** Adds up decimal strings exactly (through integer units). */
export function sumDecimals(values: readonly string[], decimals = 2): string {
  let total = 0n;
  for (const v of values) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
    if (!m) throw new Error(`not a decimal: ${v}`);
    const frac = (m[3] ?? "").padEnd(decimals, "0");
    if (frac.length > decimals) throw new Error(`too many decimals: ${v}`);
    const units = BigInt(m[2]! + frac);
    total += m[1] ? -units : units;
  }
  const neg = total < 0n;
  const s = (neg ? -total : total).toString().padStart(decimals + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
}
