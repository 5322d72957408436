// The simulator as a standalone HTTP server on 127.0.0.1, with test controls under /__sim that
// only exist here (never in handle/fetch, so the dashboard can never reach them):
//   POST   /__sim/faults    {"path":"/balance","method":"GET","status":429,"retryAfter":1,"times":2}
//                           {"path":"*","latencyMs":300} · {"path":"/invoices/*","hang":true} · {"drop":true}
//                           {"status":200,"body":{...}} (answer with this JSON instead)
//   GET    /__sim/faults    the active faults
//   DELETE /__sim/faults    clears them
//   POST   /__sim/reset     data, faults and request log back to the start
//   GET    /__sim/requests  {"data":[{"method","path","query","time"}]} · DELETE clears the log
//   POST   /__sim/clock     {"advance_s":86400}: time passes (ended days are rated and debited, recharges fire)
//   POST   /__sim/state     {"balance"?, "spike"?, "webhook_failure_rate"?} (see state.ts) · GET reads it
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createSimulator, type SimOptions, type Simulator } from "./index";
import { defaultErrorFor, renderErrors } from "./http";
import { flatQuery } from "./query";
import { parseStateChange } from "./state";

export interface Fault {
  id: number;
  /** "*" for every request; a path after /v2 ("/balance") or after the origin ("/v2/balance"); a trailing * matches a prefix. */
  path: string;
  method?: string;
  status?: number;
  retryAfter?: number;
  /** How many more requests it applies to; undefined = until cleared. */
  times?: number;
  latencyMs?: number;
  hang?: boolean;
  drop?: boolean;
  body?: unknown;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  time: string;
}

export interface SimServer {
  url: string;
  baseURL: string;
  sim: Simulator;
  close(): Promise<void>;
}

const MAX_LOG = 10_000;
const MAX_ADVANCE_S = 400 * 86_400;
const MAX_BODY = 1_000_000;

function pathMatches(pattern: string, path: string): boolean {
  if (pattern === "*" || pattern === "") return true;
  const candidates = [path, path.startsWith("/v2/") ? path.slice(3) : path];
  if (pattern.endsWith("*")) {
    const prefix = pattern.slice(0, -1);
    return candidates.some((c) => c.startsWith(prefix));
  }
  return candidates.includes(pattern);
}

function parseFault(raw: unknown, id: number): Fault | string {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return "a fault is a JSON object";
  const f = raw as Record<string, unknown>;
  const out: Fault = { id, path: typeof f.path === "string" ? f.path : "*" };
  if (f.method !== undefined) {
    if (typeof f.method !== "string") return "method must be a string";
    out.method = f.method.toUpperCase();
  }
  const int = (k: string, min: number, max: number): number | undefined | string => {
    const v = f[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) return `${k} must be an integer from ${min} to ${max}`;
    return v;
  };
  for (const [k, min, max] of [
    ["status", 100, 599],
    ["retryAfter", 0, 86_400],
    ["times", 1, 1_000_000_000],
    ["latencyMs", 0, 600_000],
  ] as const) {
    const v = int(k, min, max);
    if (typeof v === "string") return v;
    if (v !== undefined) out[k] = v;
  }
  if (f.hang !== undefined) out.hang = f.hang === true;
  if (f.drop !== undefined) out.drop = f.drop === true;
  if (f.body !== undefined) out.body = f.body;
  if (out.status === undefined && !out.hang && !out.drop && out.body === undefined && out.latencyMs === undefined)
    return "a fault needs at least one of status, latencyMs, hang, drop or body";
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
  res.end(text);
}

export async function startSimServer(opts: SimOptions & { port?: number } = {}): Promise<SimServer> {
  const sim = createSimulator(opts);
  let faults: Fault[] = [];
  let nextFaultId = 1;
  let log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  let origin = "";

  /** Waits ms; false if the client went away meanwhile. */
  const sleep = (ms: number, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      const onClose = () => {
        clearTimeout(t);
        resolve(false);
      };
      const t = setTimeout(() => {
        res.off("close", onClose);
        resolve(true);
      }, ms);
      res.once("close", onClose);
    });

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? "GET";
    if (path === "/__sim/faults") {
      if (method === "GET") return sendJson(res, 200, { data: faults });
      if (method === "DELETE") {
        faults = [];
        return sendJson(res, 204, undefined);
      }
      if (method === "POST") {
        let parsed: unknown;
        try {
          parsed = JSON.parse((await readBody(req)).toString("utf8"));
        } catch {
          return sendJson(res, 400, { errors: [{ code: "10015", title: "Bad Request", detail: "the body must be JSON" }] });
        }
        const list = Array.isArray(parsed) ? parsed : [parsed];
        const added: Fault[] = [];
        for (const raw of list) {
          const f = parseFault(raw, nextFaultId++);
          if (typeof f === "string") return sendJson(res, 400, { errors: [{ code: "10015", title: "Bad Request", detail: f }] });
          added.push(f);
        }
        faults.push(...added);
        return sendJson(res, 201, { data: Array.isArray(parsed) ? added : added[0] });
      }
    }
    const badRequest = (detail: string) => sendJson(res, 422, { errors: [{ code: "10015", title: "Bad Request", detail }] });
    const readJson = async (): Promise<{ ok: true; value: unknown } | { ok: false }> => {
      try {
        return { ok: true, value: JSON.parse((await readBody(req)).toString("utf8")) };
      } catch {
        return { ok: false };
      }
    };
    if (path === "/__sim/clock" && method === "POST") {
      const body = await readJson();
      if (!body.ok) return badRequest("the body must be JSON");
      const s = (body.value ?? {}) as Record<string, unknown>;
      const secs = s.advance_s;
      if (typeof secs !== "number" || !Number.isFinite(secs) || secs <= 0 || secs > MAX_ADVANCE_S)
        return badRequest(`advance_s must be a number of seconds above 0 and at most ${MAX_ADVANCE_S} (400 days)`);
      sim.advanceClock(secs);
      return sendJson(res, 200, { data: sim.state() });
    }
    if (path === "/__sim/state") {
      if (method === "GET") return sendJson(res, 200, { data: sim.state() });
      if (method === "POST") {
        const body = await readJson();
        if (!body.ok) return badRequest("the body must be JSON");
        const change = parseStateChange(body.value, new Date(sim.state().now));
        if (typeof change === "string") return badRequest(change);
        return sendJson(res, 200, { data: sim.setState(change) });
      }
    }
    if (path === "/__sim/reset" && method === "POST") {
      sim.reset();
      faults = [];
      log = [];
      return sendJson(res, 204, undefined);
    }
    if (path === "/__sim/requests") {
      if (method === "GET") return sendJson(res, 200, { data: log });
      if (method === "DELETE") {
        log = [];
        return sendJson(res, 204, undefined);
      }
    }
    return sendJson(res, 404, { errors: [{ code: "10005", title: "Resource not found", detail: "Unknown simulator control." }] });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    if (path.startsWith("/__sim/")) return control(req, res, path);
    const method = (req.method ?? "GET").toUpperCase();
    log.push({ method, path, query: flatQuery(url.searchParams), time: new Date().toISOString() });
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);

    let body: Buffer | undefined;
    try {
      body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
    } catch {
      return sendJson(res, 413, { errors: [{ code: "10015", title: "Bad Request", detail: "The request body is too large." }] });
    }

    // Faults: every matching latency adds up; the first matching fault that answers (status, body,
    // hang, drop) answers. A fault's `times` counts the requests it applied to.
    let latency = 0;
    let action: Fault | undefined;
    for (const f of faults) {
      if (!pathMatches(f.path, path) || (f.method && f.method !== method)) continue;
      const answers = f.status !== undefined || f.body !== undefined || f.hang || f.drop;
      if (answers && action) continue;
      if (f.latencyMs) latency += f.latencyMs;
      if (answers) action = f;
      if (f.times !== undefined) f.times--;
    }
    faults = faults.filter((f) => f.times === undefined || f.times > 0);
    if (latency > 0 && !(await sleep(latency, res))) return;
    if (action?.drop) {
      req.socket.destroy();
      return;
    }
    if (action?.hang) return; // never answers; the socket closes when the client gives up or the server stops
    if (action && (action.status !== undefined || action.body !== undefined)) {
      const status = action.status ?? 200;
      const headers: Record<string, string> = {};
      if (action.retryAfter !== undefined) headers["retry-after"] = String(action.retryAfter);
      const faultBody = action.body !== undefined ? action.body : status >= 400 ? renderErrors("full", [defaultErrorFor(status)]) : undefined;
      // A status below 400 without a body only changes nothing: the request is served normally.
      if (faultBody !== undefined) return sendJson(res, status, faultBody, headers);
    }

    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      for (const x of Array.isArray(v) ? v : [v]) headers.append(k, x);
    }
    const request = new Request(`${origin}${req.url ?? "/"}`, { method, headers, body: body && body.length > 0 ? new Uint8Array(body) : undefined });
    const response = await sim.handle(request);
    const out = Buffer.from(await response.arrayBuffer());
    const resHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      resHeaders[k] = v;
    });
    resHeaders["content-length"] = String(out.length);
    if (res.destroyed) return;
    res.writeHead(response.status, resHeaders);
    res.end(method === "HEAD" ? undefined : out);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ code: "10007", title: "Unexpected error" }] });
      else res.destroy();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    baseURL: `${origin}/v2`,
    sim,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
