import "server-only";
// The alerts job inside the server process (started from instrumentation.ts): sends due outbox
// rows every few seconds and evaluates every rule every 5 minutes, besides the evaluation the
// ledger's worker asks for after each successful sync. Every instance runs one; the outbox's
// per-row leases and the rules' compare-and-set keep them from sending anything twice.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { newHolderId } from "@/lib/ledger/runner";
import { drainOutbox } from "@/lib/outbox";
import { senders } from "./channels";
import { evaluateRules } from "./evaluate";

const DRAIN_EVERY_MS = 5_000;
const EVALUATE_EVERY_MS = 5 * 60_000;
const holder = newHolderId();

const g = globalThis as typeof globalThis & { __alertsJob?: { stop(): void } };

export async function drainNow(ids?: string[]): Promise<void> {
  await drainOutbox({ db: await db(), senders: senders(), holder, ids });
}

/** Evaluates now; sending continues in the background (delivery never blocks evaluation). */
export async function evaluateNow() {
  const result = await evaluateRules(await db());
  void drainNow().catch((error) => log.warn("alerts.drain_failed", { message: (error as Error)?.message }));
  return result;
}

export function startAlertsJob(): void {
  if (g.__alertsJob) return;
  let lastEvaluation = 0;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (Date.now() - lastEvaluation >= EVALUATE_EVERY_MS) {
        lastEvaluation = Date.now();
        await evaluateRules(await db());
      }
      await drainNow();
    } catch (error) {
      log.warn("alerts.job_failed", { message: (error as Error)?.message });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), DRAIN_EVERY_MS);
  timer.unref?.();
  g.__alertsJob = { stop: () => clearInterval(timer) };
  log.info("alerts.job_started", {});
}

/** Stops the job (on SIGTERM, before the pools close); a send in flight finishes or its lease lapses. */
export function stopAlertsJob(): void {
  g.__alertsJob?.stop();
  g.__alertsJob = undefined;
}
