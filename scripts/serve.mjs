#!/usr/bin/env node
// Runs a server entry with each request's socket address and scheme stamped into private headers
// (lib/security/client-headers.mjs), so the login throttle and the action log see the real client
// unless TRUST_PROXY says to read X-Forwarded-For. Every start command goes through it:
//   node scripts/serve.mjs .next/standalone/server.js -H 127.0.0.1 -p 3000   (the standalone build)
//   node scripts/serve.mjs next start -H 127.0.0.1 -p 3000                    (next's CLI)
// It also makes SIGTERM graceful (lib/server/shutdown.mjs) and, for a server entry, turns -H/-p
// into HOSTNAME/PORT and pins a relative SQLite DATABASE_URL (the standalone server chdirs).
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pinnedDatabaseUrl } from "../lib/db/paths.mjs";
import { parseServerEnv } from "../lib/env-schema.mjs";
import { installGracefulShutdown } from "../lib/server/shutdown.mjs";
import { stampClient } from "../lib/security/client-headers.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/serve.mjs <next | server.js> [args...]");
  process.exit(2);
}
let env;
try {
  env = parseServerEnv(process.env); // a bad environment stops here, naming the variable
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request" || event === "upgrade" || event === "checkContinue") stampClient(req);
    return emit.call(this, event, req, ...rest);
  };
}

const from = env.TRUST_PROXY > 0 ? `X-Forwarded-For, entry ${env.TRUST_PROXY} from the right` : "the socket";
process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", event: "server.client_address", from })}\n`);

installGracefulShutdown();

let rest = args;
if (entry !== "next") {
  // A standalone server.js takes its address from the environment, and runs in its own folder.
  rest = [];
  for (let i = 0; i < args.length; i++) {
    if ((args[i] === "-H" || args[i] === "--hostname") && args[i + 1]) process.env.HOSTNAME = args[++i];
    else if ((args[i] === "-p" || args[i] === "--port") && args[i + 1]) process.env.PORT = args[++i];
    else rest.push(args[i]);
  }
  process.env.HOSTNAME ??= "127.0.0.1";
  process.env.DATABASE_URL = pinnedDatabaseUrl(process.env.DATABASE_URL);
}
const file = entry === "next" ? createRequire(import.meta.url).resolve("next/dist/bin/next") : path.resolve(entry);
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(file).href);
