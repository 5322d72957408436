// npm run test:contract: the simulator's conformance to ../shared/telnyx/account-openapi.json.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["**/*.contract.ts"],
    exclude: ["node_modules/**", ".next*/**", "e2e/**"],
    testTimeout: 120_000,
    hookTimeout: 30_000,
  },
});
