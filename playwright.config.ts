import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./e2e/chromium";
import { E2E } from "./e2e/env";

// Browser tests run against the production build (`next build` first) on the standalone Telnyx
// simulator, so a test can break upstream calls with /__sim/faults and count them with /__sim/requests.
export default defineConfig({
  testDir: "./e2e",
  // The two-instance test has its own config (playwright.multi.config.ts) and servers.
  testIgnore: ["multi/**"],
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/sim.ts --port ${E2E.simPort} --seed 42`,
      url: `${E2E.simURL}/__sim/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
    },
    {
      command: "bash e2e/start-dashboard.sh",
      url: `${E2E.baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: E2E.dashboardEnv,
    },
  ],
});
