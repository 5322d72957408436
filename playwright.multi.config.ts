import { defineConfig } from "@playwright/test";

// The two-instance test (e2e/multi): it starts its own stack (Postgres database, Redis prefix
// behind a TCP proxy, simulator, two standalone instances) from the production build, and needs
// no browser. Runs after `tsx scripts/build-for-e2e.ts`, like the main e2e suite.
export default defineConfig({
  testDir: "./e2e/multi",
  outputDir: "./test-results/multi",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
});
