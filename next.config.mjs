import { parseServerEnv } from "./lib/env-schema.mjs";

// Fail at start, naming the variable, rather than on the first request.
parseServerEnv(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel local runs (e.g. two e2e suites) build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "pdf-lib"],
  // forbidden() renders app/forbidden.tsx with a 403 for a page the role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
