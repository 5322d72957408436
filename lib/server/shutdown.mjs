// Graceful shutdown for the server started through scripts/serve.mjs: on SIGTERM (or SIGINT) stop
// accepting connections, let in-flight requests finish, then run the registered hooks (database
// pool, Redis) and exit 0; if that takes longer than the timeout, exit 1. Plain ESM: the wrapper
// installs it before Next loads; the server's own code registers hooks through globalThis, so
// every bundle's copy of this module shares them.
import http from "node:http";

/** @type {Set<() => Promise<void>>} */
const hooks = (/** @type {any} */ (globalThis).__dashboardShutdownHooks ??= new Set());

/** Runs `fn` when the server shuts down, after the last in-flight request. */
export function onShutdown(/** @type {() => Promise<void>} */ fn) {
  hooks.add(fn);
}

/** @param {{ timeoutMs?: number, log?: (event: string, fields?: Record<string, unknown>) => void }} [options] */
export function installGracefulShutdown(options = {}) {
  const timeoutMs = options.timeoutMs ?? 25_000;
  const log =
    options.log ??
    ((event, fields = {}) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", event, ...fields })}\n`));
  // Next's own handler would exit without closing our pools.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";
  /** @type {Set<http.Server>} */
  const servers = new Set();
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = /** @type {any} */ (
    function (/** @type {any[]} */ ...args) {
      servers.add(this);
      return listen.apply(this, /** @type {any} */ (args));
    }
  );

  let stopping = false;
  const stop = async (/** @type {string} */ signal) => {
    if (stopping) return;
    stopping = true;
    log("server.shutdown", { signal });
    setTimeout(() => {
      log("server.shutdown_timeout", { timeoutMs });
      process.exit(1);
    }, timeoutMs).unref();
    await Promise.all(
      [...servers].map(
        (server) =>
          new Promise((resolve) => {
            // Keep-alive connections go as soon as they are idle; busy ones finish their request first.
            const idle = setInterval(() => server.closeIdleConnections(), 100);
            server.close(() => {
              clearInterval(idle);
              resolve(undefined);
            });
            server.closeIdleConnections();
          }),
      ),
    );
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        log("server.shutdown_hook_failed", { message: /** @type {Error} */ (error)?.message });
      }
    }
    log("server.stopped", {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
