// `next build` for the browser tests, with the e2e run's fake Telnyx key in the environment, so
// e2e/key-leak.spec.ts can prove the key's value never lands in what browsers receive.
import { spawnSync } from "node:child_process";
import { E2E } from "../e2e/env";

const result = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TELNYX_API_KEY: E2E.apiKey },
});
if (result.status !== 0) process.exit(result.status ?? 1);
// The tests run the standalone server, as the README ships it.
const prepared = spawnSync(process.execPath, ["scripts/prepare-standalone.mjs"], { stdio: "inherit" });
process.exit(prepared.status ?? 1);
