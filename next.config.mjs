import { parseServerEnv } from "./lib/env-schema.mjs";

// Fail at start, naming the variable, rather than on the first request.
parseServerEnv(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel local runs (e.g. two e2e suites) build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // A self-contained server in <distDir>/standalone (scripts/prepare-standalone.mjs adds the static
  // files): what the README's start commands and the tests run.
  output: "standalone",
  // The tracer follows the default database path: never ship a database (password hashes) or secrets.
  outputFileTracingExcludes: { "*": ["data/**"] },
  // Native and Node-only packages stay out of the server bundle. `telnyx` too: route handlers and
  // pages are bundled apart, and the one shared client (lib/telnyx/client.ts) must throw error
  // classes that every bundle's `instanceof APIError` recognises (else a 403 becomes a 500).
  serverExternalPackages: ["better-sqlite3", "pg", "ioredis", "pdf-lib", "telnyx"],
  // forbidden() renders app/forbidden.tsx with a 403 for a page the role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
