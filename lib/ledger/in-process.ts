import "server-only";
// The worker inside the server process (started from instrumentation.ts unless SYNC_WORKER=off).
// On Postgres every instance runs one; the leases let exactly one of them sync each stream. A
// stopped or killed server's leases lapse within LEASE_MS and another instance carries on.
import { db, engine } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { ledgerConfig, type StreamName } from "./config";
import { startWorker } from "./runner";

const g = globalThis as typeof globalThis & { __ledgerWorker?: { stop(): Promise<void> } };

export async function startInProcessWorker(): Promise<void> {
  if (g.__ledgerWorker || serverEnv().SYNC_WORKER === "off") return;
  const config = ledgerConfig();
  // Alerts are evaluated after each successful sync (lib/alerts), and closed months compared with
  // what the sync kept (post-close changes, lib/close).
  const afterSuccess = async (stream: StreamName) => {
    await Promise.all([
      (await import("@/lib/alerts/job")).evaluateNow(),
      (await import("@/lib/close/service")).checkClosedMonthsAfterSync(await db(), stream),
    ]);
  };
  g.__ledgerWorker = startWorker({ db: await db(), engine: engine(), config, afterSuccess });
  log.info("ledger.worker_started", { engine: engine(), max_calls_per_minute: config.maxCallsPerMinute });
}

export async function stopInProcessWorker(): Promise<void> {
  const w = g.__ledgerWorker;
  g.__ledgerWorker = undefined;
  await w?.stop();
}
