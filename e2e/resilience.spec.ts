import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { loadContract, sampler } from "../lib/telnyx-sim/contract-samples";
import { E2E } from "./env";
import { expect, storageStateFor, test } from "./fixtures";

// The pages against an upstream that is no simulator: one that answers every read with random
// data the official contract allows (valid but absurd values), and one that never answers. The
// shell must show at once, each card must end in its data or its own error state, and the browser
// must log no error (React's #419 "switched to client rendering" included).
//
// A second dashboard on the same build and database (so the signed-in session works) talks to an
// upstream in this process: its read cache starts empty, so every read really reaches it.
const PORT = E2E.port + 31;
const PAGES = ["/", "/charges", "/settings/billing"] as const;

type Mode = { kind: "random"; seed: number } | { kind: "hang" };

const contract = loadContract();
const templates = Object.keys(contract.paths as object).map((template) => ({
  template,
  match: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

let mode: Mode = { kind: "random", seed: 1 };
let calls = 0;
let upstream: Server;
let dashboard: ChildProcess;

async function startUpstream(): Promise<string> {
  upstream = createServer((req, res) => {
    calls++;
    if (mode.kind === "hang") return; // never answers; the dashboard's timeout ends it
    const url = new URL(req.url ?? "/", "http://upstream");
    const path = url.pathname.replace(/^\/v2/, "");
    const method = (req.method ?? "GET").toLowerCase();
    const found = templates.find((t) => t.match.test(path) && contract.paths[t.template][method]);
    const body = found ? sampler(contract, mode.seed + calls).response(found.template, method) : undefined;
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? { errors: [{ code: "10005", title: "Resource not found" }] }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v2`;
}

async function startDashboard(baseURL: string): Promise<void> {
  // Started as every server is (scripts/serve.mjs stamps the client's address).
  dashboard = spawn("node", ["scripts/serve.mjs", "next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: { ...process.env, ...E2E.dashboardEnv, PORT: String(PORT), TELNYX_API_BASE_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the second dashboard did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Console errors and uncaught errors. Two kinds of line are expected and left out: the browser's
 * own line for each non-2xx response, and the dashboard's API error (ApiClientError) that a card's
 * error boundary caught to show its error state (Next logs every error an explicit boundary
 * catches). Anything else (React's #419, a TypeError from rendering odd data, a hydration
 * mismatch) fails the test.
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    const text = m.text();
    if (m.type() === "error" && !text.startsWith("Failed to load resource") && !text.startsWith("ApiClientError: ")) errors.push(text);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Every card has ended: in its content or its error state, nothing still loading. */
async function settled(page: Page, timeout: number) {
  await expect(page.locator("main [data-slot=skeleton]")).toHaveCount(0, { timeout });
}

test.describe("pages against a hostile upstream", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: storageStateFor("owner"), baseURL: `http://127.0.0.1:${PORT}` });

  test.beforeAll(async () => {
    await startDashboard(await startUpstream());
  });
  test.afterAll(async () => {
    dashboard?.kill();
    await new Promise((r) => upstream?.close(r));
  });

  test("random contract-valid answers: every page renders, each card with its data or its error state, with no browser error", async ({ page }) => {
    test.setTimeout(120_000);
    mode = { kind: "random", seed: 1000 };
    const errors = collectErrors(page);
    for (const path of PAGES) {
      await page.goto(`${path}?random=1`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await settled(page, 30_000);
      await page.waitForLoadState("networkidle");
    }
    expect(errors).toEqual([]);
  });

  test("a hanging upstream: the shell shows at once, the cards end in their error state, with no browser error", async ({ page }) => {
    test.setTimeout(120_000);
    mode = { kind: "hang" };
    const errors = collectErrors(page);
    // A first page warms the server (modules load on first use) without reading what the others read.
    await page.goto("/webhooks?warm=1", { waitUntil: "commit" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 10_000 });
    for (const path of PAGES) {
      const started = Date.now();
      await page.goto(`${path}?hang=1`, { waitUntil: "commit" });
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 5_000 });
      // Before any read could time out (10 s): the shell did not wait on Telnyx.
      expect(Date.now() - started).toBeLessThan(4_000);
    }
    // One page to the end: its reads time out on the server, then in the browser.
    await page.goto("/?hang=2");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 5_000 });
    await expect(page.getByTestId("balance-card").getByRole("alert")).toBeVisible({ timeout: 60_000 });
    await settled(page, 30_000);
    expect(errors).toEqual([]);
  });
});
