// Route-handler tests run the real handlers against the standalone simulator: the same code path
// as production, with faults and a request log to assert on.
import Telnyx from "telnyx";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { setUpstreamForTests } from "@/lib/telnyx/client";
import { clearReadCache } from "@/lib/telnyx/read-cache";
import { resetRetryPacingForTests } from "@/lib/telnyx/retry";
import { startSimServer, type SimServer } from "@/lib/telnyx-sim/server";

export const TEST_API_KEY = "KEYtest_dashboard_key_never_in_output_987654";
export const ORIGIN = "http://127.0.0.1:3000";

export const users: Record<"owner" | "finance", SessionUser> = {
  owner: { id: "u-owner", email: "owner@example.com", name: "Owner", role: "owner" },
  finance: { id: "u-finance", email: "finance@example.com", name: "Finance", role: "finance" },
};

/** Who the mocked session belongs to; null = not signed in. Tests mock @/lib/auth/session with it. */
export const session: { user: SessionUser | null } = { user: users.owner };

export function useSimUpstream() {
  const state = {} as { server: SimServer };
  beforeAll(async () => {
    state.server = await startSimServer({ port: 0, apiKey: TEST_API_KEY });
    const baseURL = state.server.baseURL;
    setUpstreamForTests({
      client: new Telnyx({ apiKey: TEST_API_KEY, baseURL, maxRetries: 0, logLevel: "off" }),
      fetch: globalThis.fetch,
      baseURL,
      demo: false,
    });
  });
  afterAll(async () => {
    setUpstreamForTests(undefined);
    await state.server.close();
  });
  beforeEach(async () => {
    clearReadCache();
    resetRetryPacingForTests();
    session.user = users.owner;
    await fetch(`${state.server.url}/__sim/reset`, { method: "POST" });
  });

  const sim = {
    async fault(fault: Record<string, unknown>) {
      const res = await fetch(`${state.server.url}/__sim/faults`, { method: "POST", body: JSON.stringify(fault), headers: { "content-type": "application/json" } });
      if (!res.ok) throw new Error(`fault refused: ${await res.text()}`);
    },
    async clearFaults() {
      await fetch(`${state.server.url}/__sim/faults`, { method: "DELETE" });
    },
    async requests(): Promise<{ method: string; path: string; query: Record<string, string> }[]> {
      return (await (await fetch(`${state.server.url}/__sim/requests`)).json()).data;
    },
    /** Upstream calls so far, optionally only those to one path after /v2. */
    async count(path?: string): Promise<number> {
      const all = await sim.requests();
      return path ? all.filter((r) => r.path.replace(/^\/v2(\/v2)?/, "") === path).length : all.length;
    },
  };
  return { state, sim };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next would, from the dashboard's own origin. */
export async function callRoute(
  handler: Handler,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const { method = "GET", body, headers = {}, params = {} } = init;
  const req = new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: "127.0.0.1:3000",
      ...(method === "GET" ? {} : { origin: ORIGIN }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
