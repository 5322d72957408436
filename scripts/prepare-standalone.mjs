// After `next build` with output "standalone": copy what the standalone server serves but Next
// leaves out (the static assets, and public/ if any) into <distDir>/standalone, so
// `node scripts/serve.mjs <distDir>/standalone/server.js` is a complete server.
import fs from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const standalone = path.join(distDir, "standalone");
if (!fs.existsSync(path.join(standalone, "server.js"))) {
  console.error(`prepare-standalone: ${standalone}/server.js is missing (was the build made with output "standalone"?)`);
  process.exit(1);
}
fs.rmSync(path.join(standalone, distDir, "static"), { recursive: true, force: true });
fs.cpSync(path.join(distDir, "static"), path.join(standalone, distDir, "static"), { recursive: true });
// The file tracer follows the default database path from instrumentation and copies data/ (users'
// password hashes, secrets) into the output: a build must never carry a database.
fs.rmSync(path.join(standalone, "data"), { recursive: true, force: true });
if (fs.existsSync("public")) fs.cpSync("public", path.join(standalone, "public"), { recursive: true });
