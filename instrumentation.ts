// Runs once when the server starts: the database schema (versioned migrations, under a lock on
// Postgres so instances starting together migrate once), then the first users (demo users in demo
// mode; instructions for creating the first owner otherwise), then the ledger's sync worker and the alerts job.
// A failure stops the server.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The standalone server does not run next.config.mjs: check the environment here too, so a
    // missing SESSION_SECRET on Postgres (say) stops the server at start, naming the variable.
    const { parseServerEnv } = await import("./lib/env-schema.mjs");
    parseServerEnv(process.env);
    const { closeDb, db } = await import("./lib/db");
    const { closeSharedRedis, sharedRedis } = await import("./lib/shared/redis");
    const { onShutdown } = await import("./lib/server/shutdown.mjs");
    // After the last in-flight request on SIGTERM (scripts/serve.mjs): stop the ledger's worker
    // (its runs end at their last commit and release their leases), then close the pools.
    onShutdown(async () => (await import("./lib/ledger/in-process")).stopInProcessWorker());
    onShutdown(async () => (await import("./lib/alerts/job")).stopAlertsJob());
    onShutdown(closeSharedRedis);
    onShutdown(closeDb);
    await db();
    sharedRedis(); // connect now, not on the first read
    const { ensureUsersReady } = await import("./lib/auth/bootstrap");
    await ensureUsersReady();
    // The ledger's sync worker (lib/ledger), unless SYNC_WORKER=off.
    const { startInProcessWorker } = await import("./lib/ledger/in-process");
    await startInProcessWorker();
    // Alerts (lib/alerts): the built-in rule, a demo budget on a fresh demo database, the outbox job.
    const alerts = await import("./lib/alerts/store");
    const database = await db();
    await alerts.ensureBuiltinRules(database);
    const { demoMode } = await import("./lib/auth/bootstrap");
    if (demoMode()) await alerts.seedDemoRules(database);
    const { startAlertsJob } = await import("./lib/alerts/job");
    startAlertsJob();
  }
}
