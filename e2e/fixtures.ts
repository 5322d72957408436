import { test as base, expect, type APIRequestContext } from "@playwright/test";
import type { Fault, LoggedRequest } from "../lib/telnyx-sim/server";
import { E2E } from "./env";

export type Role = keyof typeof E2E.users;
// Per dashboard port: cookies don't tell ports apart, so parallel runs on other ports must not
// overwrite each other's sessions.
export const storageStateFor = (role: Role) => `e2e/.auth/${role}-${E2E.port}.json`;

export type SimFault = Omit<Fault, "id">;
export type SimRequest = LoggedRequest;

/** The standalone simulator's test controls (design.md §4). */
export class SimControls {
  constructor(private readonly request: APIRequestContext) {}

  async fault(fault: SimFault): Promise<void> {
    const res = await this.request.post(`${E2E.simURL}/__sim/faults`, { data: fault });
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  async clearFaults(): Promise<void> {
    await this.request.delete(`${E2E.simURL}/__sim/faults`);
  }

  async reset(): Promise<void> {
    await this.request.post(`${E2E.simURL}/__sim/reset`);
  }

  async requests(): Promise<SimRequest[]> {
    const res = await this.request.get(`${E2E.simURL}/__sim/requests`);
    return ((await res.json()) as { data: SimRequest[] }).data;
  }

  async clearRequests(): Promise<void> {
    await this.request.delete(`${E2E.simURL}/__sim/requests`);
  }

  /** How many requests reached the simulator for a path (after /v2), e.g. "/balance". */
  async count(path: string, method = "GET"): Promise<number> {
    return (await this.requests()).filter((r) => r.method === method && r.path.replace(/^\/v2(\/v2)?/, "") === path).length;
  }
}

/** Headers a browser on the dashboard's own origin sends with a write. */
export const sameOrigin = { origin: E2E.baseURL };

export const test = base.extend<{ sim: SimControls }>({
  sim: async ({ playwright }, use) => {
    const request = await playwright.request.newContext();
    const sim = new SimControls(request);
    await use(sim);
    // Faults must never leak into the next test.
    await sim.clearFaults();
    await request.dispose();
  },
});

export { expect };
