// The embedded Telnyx simulator: the 12 account operations of ../shared/telnyx/account-openapi.json
// over deterministic seeded data, as a web-standard handler and an in-process `fetch` for the SDK.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Scale } from "./data/world";
import * as h from "./resources";
import { SimHttpError, UNAUTHENTICATED, defaultErrorFor, errorResponse, type ErrorStyle } from "./http";
import { parseQuery } from "./query";
import { RateLimiter } from "./rate-limit";
import { applyStateChange, currentState, type SimState, type StateChange } from "./state";
import { Store } from "./store";
import { monthKey } from "./time";

export interface SimOptions {
  /** Default 42 (a prepaid account with a positive balance). Seeds ending in 7 have a credit line and a negative balance. */
  seed?: number;
  scale?: Scale;
  /** If set, the bearer token must equal it; otherwise any non-empty bearer token is accepted. */
  apiKey?: string;
  /** The clock (default: the real one). The data is anchored to this clock's UTC month at creation and reset. */
  now?: () => Date;
  /** Calls per minute per API key (rolling window); past it, 429 with Retry-After as Telnyx answers. Off by default. */
  rateLimit?: number;
}

export interface Simulator {
  /** Web-standard handler: serves /v2/... and the invoice file route /files/invoices/{id}.pdf. */
  handle(req: Request): Promise<Response>;
  /** In-process transport for the telnyx SDK's `fetch` option; honours init.signal. */
  fetch: typeof fetch;
  /** Back to the seeded state (and the real clock). */
  reset(): void;
  /** Test control (standalone server only): the clock moves forward; ended days are rated, recharges fire. */
  advanceClock(seconds: number): Date;
  /** Test control (standalone server only): set up what alerts and reconciliation must notice. */
  setState(change: StateChange): SimState;
  state(): SimState;
}

export const EMBEDDED_SIM_BASE_URL = "http://telnyx-sim.internal/v2";

export type { Scale };
export type { SimState, StateChange } from "./state";

interface Route {
  method: string;
  pattern: RegExp;
  operationId: string;
  style: ErrorStyle;
  run: (ctx: h.Ctx, params: string[]) => Response | Promise<Response>;
}

const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/audit_events$/, operationId: "ListAuditLogs", style: "minimal", run: (c) => h.listAuditEvents(c) },
  { method: "GET", pattern: /^\/balance$/, operationId: "GetUserBalance", style: "full", run: (c) => h.getBalance(c) },
  { method: "GET", pattern: /^\/charges_breakdown$/, operationId: "GetMonthlyChargesBreakdown", style: "full", run: (c) => h.getChargesBreakdown(c) },
  { method: "GET", pattern: /^\/charges_summary$/, operationId: "GetMonthlyChargesSummary", style: "full", run: (c) => h.getChargesSummary(c) },
  { method: "GET", pattern: /^\/detail_records$/, operationId: "SearchDetailRecords", style: "minimal", run: (c) => h.searchDetailRecords(c) },
  { method: "GET", pattern: /^\/invoices$/, operationId: "ListInvoices", style: "full", run: (c) => h.listInvoices(c) },
  { method: "GET", pattern: /^\/invoices\/([^/]+)$/, operationId: "GetInvoiceById", style: "full", run: (c, p) => h.getInvoice(c, p[0]!) },
  { method: "GET", pattern: /^\/payment\/auto_recharge_prefs$/, operationId: "GetAutoRechargePrefs", style: "full", run: (c) => h.getAutoRecharge(c) },
  { method: "PATCH", pattern: /^\/payment\/auto_recharge_prefs$/, operationId: "UpdateAutoRechargePrefs", style: "full", run: (c) => h.updateAutoRecharge(c) },
  { method: "GET", pattern: /^\/user_tags$/, operationId: "GetUserTags", style: "full", run: (c) => h.listUserTags(c) },
  // The combined spec's path is /v2/payment/... under the /v2 server (so the SDK posts to /v2/v2/...);
  // the per-product spec puts it at /v2/payment/... . Answer at both.
  {
    method: "POST",
    pattern: /^(?:\/v2)?\/payment\/stored_payment_transactions$/,
    operationId: "createStoredPaymentTransaction",
    style: "full",
    run: (c) => h.createStoredPayment(c),
  },
  { method: "GET", pattern: /^\/webhook_deliveries$/, operationId: "GetWebhookDeliveries", style: "full", run: (c) => h.listWebhookDeliveries(c) },
  { method: "GET", pattern: /^\/webhook_deliveries\/([^/]+)$/, operationId: "GetWebhookDelivery", style: "full", run: (c, p) => h.getWebhookDelivery(c, p[0]!) },
];

/** Operations that read or change the balance, the payments or the audit log. */
const ACCOUNT_OPERATIONS = new Set(["GetUserBalance", "ListAuditLogs", "GetAutoRechargePrefs", "UpdateAutoRechargePrefs", "createStoredPaymentTransaction"]);

const FILE_ROUTE = /^\/files\/invoices\/([0-9A-Fa-f-]{36})\.pdf$/;

function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === "AbortError") return reason;
  return new DOMException("This operation was aborted", "AbortError");
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The bearer token if it is acceptable (any non-empty one, or exactly `apiKey` when set), else null. */
function acceptedToken(header: string | null, apiKey: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m) return null;
  if (apiKey === undefined || apiKey === "") return m[1]!;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(apiKey);
  return a.length === b.length && timingSafeEqual(a, b) ? m[1]! : null;
}

export function createSimulator(opts: SimOptions = {}): Simulator {
  const seed = opts.seed ?? 42;
  const scale: Scale = opts.scale ?? "small";
  const baseClock = opts.now ?? (() => new Date());
  let offsetMs = 0;
  const clock = () => new Date(baseClock().getTime() + offsetMs);
  const fileSecret = randomBytes(32);
  const sign = (id: string, expires: number) => createHmac("sha256", fileSecret).update(`${id}.${expires}`).digest("hex").slice(0, 40);
  let store = new Store(seed, scale, clock());
  const limiter = opts.rateLimit ? new RateLimiter(opts.rateLimit) : undefined;

  async function handle(req: Request): Promise<Response> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return errorResponse(400, "full", [defaultErrorFor(400)]);
    }
    const now = clock();
    // A long-running simulator follows the calendar: the data moves to the new month, writes stay.
    if (monthKey(now) !== store.world.anchorKey && now.getTime() > store.world.anchor.getTime()) store = store.rollover(now);
    const ctxFor = (): h.Ctx => ({ store, request: req, url, query: parseQuery(url.searchParams), now, sign });
    const path = url.pathname.replace(/\/{2,}/g, "/");
    try {
      const file = FILE_ROUTE.exec(path);
      if (file && (req.method === "GET" || req.method === "HEAD")) return await h.getInvoiceFile(ctxFor(), file[1]!);
      if (!path.startsWith("/v2/")) return errorResponse(404, "full", [defaultErrorFor(404)]);
      const sub = path.slice(3);
      let route: Route | undefined;
      let params: string[] = [];
      for (const r of ROUTES) {
        const m = r.pattern.exec(sub);
        if (m && r.method === req.method) {
          route = r;
          params = m.slice(1).map(safeDecode);
          break;
        }
      }
      const style = route?.style ?? "full";
      const token = acceptedToken(req.headers.get("authorization"), opts.apiKey);
      if (token === null) return errorResponse(401, style, [UNAUTHENTICATED]);
      if (limiter) {
        const wait = limiter.take(token, now.getTime());
        if (wait > 0) return errorResponse(429, style, [defaultErrorFor(429)], { "retry-after": String(wait) });
      }
      if (!route) return errorResponse(404, "full", [defaultErrorFor(404)]);
      try {
        // Days that ended since the last call are debited before the account's money is read or changed.
        if (ACCOUNT_OPERATIONS.has(route.operationId)) store.catchUp(now);
        return await route.run(ctxFor(), params);
      } catch (e) {
        if (e instanceof SimHttpError) return errorResponse(e.status, style, e.items, e.headers);
        throw e;
      }
    } catch (e) {
      // Never leak internals (or anything else) in a 500.
      if (process.env.TELNYX_SIM_DEBUG) console.error("[telnyx-sim] handler error", e);
      return errorResponse(500, "full", [defaultErrorFor(500)]);
    }
  }

  const simFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw abortError(signal);
    const req = input instanceof Request ? new Request(input, init) : new Request(String(input), init);
    if (!signal) return handle(req);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener("abort", onAbort, { once: true });
      handle(req).then(
        (res) => {
          signal.removeEventListener("abort", onAbort);
          if (signal.aborted) reject(abortError(signal));
          else resolve(res);
        },
        (err: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(err);
        },
      );
    });
  };

  return {
    handle,
    fetch: simFetch as typeof fetch,
    reset() {
      offsetMs = 0;
      store = new Store(seed, scale, clock());
    },
    advanceClock(seconds: number) {
      offsetMs += seconds * 1000;
      const now = clock();
      if (monthKey(now) !== store.world.anchorKey) store = store.rollover(now);
      store.catchUp(now);
      return now;
    },
    setState(change: StateChange) {
      const now = clock();
      store.catchUp(now);
      applyStateChange(store, change, now);
      return currentState(store, now);
    },
    state() {
      return currentState(store, clock());
    },
  };
}
