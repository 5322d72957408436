import "server-only";
import Telnyx from "telnyx";
import { serverEnv } from "@/lib/env";
import { createTransport } from "./transport";
import { createSimulator, EMBEDDED_SIM_BASE_URL } from "@/lib/telnyx-sim";

export interface Upstream {
  client: Telnyx;
  /** The transport the SDK uses; invoice files are fetched through it too. */
  fetch: typeof fetch;
  baseURL: string;
  /** True when the embedded simulator answers instead of Telnyx. */
  demo: boolean;
}

// One per process; kept on globalThis so dev-mode module reloads reuse it (and the simulator's state).
const holder = globalThis as typeof globalThis & { __telnyxUpstream?: Upstream };

export function upstream(): Upstream {
  holder.__telnyxUpstream ??= createUpstream();
  return holder.__telnyxUpstream;
}

function createUpstream(): Upstream {
  const env = serverEnv();
  const common = {
    // Retries are ours (./retry.ts): the SDK would retry writes and sleep through any Retry-After.
    maxRetries: 0,
    timeout: 15_000,
    // The SDK's logger could print request details; we log what we choose ourselves.
    logLevel: "off" as const,
  };
  if (env.TELNYX_API_KEY) {
    return {
      // The SDK's JSON calls go through the lean keep-alive transport; invoice files (streamed,
      // redirect: "manual") through Node's fetch.
      client: new Telnyx({ ...common, apiKey: env.TELNYX_API_KEY, baseURL: env.TELNYX_API_BASE_URL, fetch: createTransport() }),
      fetch: globalThis.fetch,
      baseURL: env.TELNYX_API_BASE_URL,
      demo: false,
    };
  }
  const sim = createSimulator({ seed: env.TELNYX_SIM_SEED, scale: env.TELNYX_SIM_SCALE });
  return {
    client: new Telnyx({ ...common, apiKey: "demo-simulator", baseURL: EMBEDDED_SIM_BASE_URL, fetch: sim.fetch }),
    fetch: sim.fetch,
    baseURL: EMBEDDED_SIM_BASE_URL,
    demo: true,
  };
}

/** Tests swap the upstream (e.g. to a standalone simulator). */
export function setUpstreamForTests(next: Upstream | undefined): void {
  holder.__telnyxUpstream = next;
}
