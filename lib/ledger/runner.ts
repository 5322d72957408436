import "server-only";
// Runs the streams: exactly one runner per stream at a time, through a lease in ledger_stream
// (holder id + expiry renewed by a heartbeat; a killed instance's lease lapses within LEASE_MS and
// another takes it). The same on SQLite (the server process and a cron `npm run sync` may overlap)
// and on Postgres (several instances). `runStream` runs one stream once; `startWorker` keeps every
// stream on its interval and honours "Sync now" requests (requested_at) from any instance.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/log";
import type { Db, Engine } from "../db";
import { CallBudget } from "./budget";
import { systemClock, type Clock } from "./clock";
import { STREAMS, type LedgerConfig, type StreamName } from "./config";
import { LeaseLostError, makeContext, type SyncContext } from "./context";
import { applyRetention } from "./retention";
import { syncBalance } from "./streams/balance";
import { syncCharges } from "./streams/charges";
import { syncAuditEvents, syncWebhookDeliveries } from "./streams/events";
import { syncInvoices } from "./streams/invoices";
import { syncUsage } from "./streams/usage";
import { RateLimitedError, workerUpstream } from "./upstream";

export const LEASE_MS = 30_000;
const HEARTBEAT_MS = 10_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SYNCS: Record<StreamName, (ctx: SyncContext<any>) => Promise<void>> = {
  balance: syncBalance,
  charges: syncCharges,
  invoices: syncInvoices,
  audit_events: syncAuditEvents,
  webhook_deliveries: syncWebhookDeliveries,
  usage: syncUsage,
};

export interface Worker {
  db: Db;
  engine: Engine;
  config: LedgerConfig;
  clock?: Clock;
  /** This instance's id in leases (default: host, pid and a random part). */
  holder?: string;
  /** Called before each upstream call the worker makes (progress; tests stop a run halfway with it). */
  onCall?: (stream: StreamName) => void;
  /** Called after each successful run of a stream (the alerts evaluate then); its failure is only logged. */
  afterSuccess?: (stream: StreamName) => Promise<unknown>;
}

export type RunOutcome = "ok" | "paused" | "busy" | "rate_limited" | "lease_lost" | "stopped" | "failed";

export const newHolderId = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export async function ensureStreamRows(db: Db): Promise<void> {
  await db
    .insertInto("ledger_stream")
    .values(STREAMS.map((stream) => ({ stream })))
    .onConflict((oc) => oc.column("stream").doNothing())
    .execute();
}

async function takeLease(db: Db, stream: StreamName, holder: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable("ledger_stream")
    .set({ lease_holder: holder, lease_expires_at: now + LEASE_MS })
    .where("stream", "=", stream)
    .where((eb) => eb.or([eb("lease_holder", "is", null), eb("lease_expires_at", "<", now), eb("lease_holder", "=", holder)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Error text for the sync page: our own messages only (never a transport's, which could carry headers). */
function describe(error: unknown): string {
  if (error instanceof ApiError || error instanceof RateLimitedError || error instanceof LeaseLostError) return error.message;
  log.error("ledger.sync_failed", { message: (error as Error)?.message });
  return "The sync failed on the dashboard's server; see its log.";
}

/** Runs one stream once, if it is not paused and no other instance holds it. */
export async function runStream(w: Worker, stream: StreamName, options: { signal?: AbortSignal } = {}): Promise<RunOutcome> {
  const clock = w.clock ?? systemClock;
  const holder = w.holder ?? newHolderId();
  await ensureStreamRows(w.db);
  const row = await w.db.selectFrom("ledger_stream").selectAll().where("stream", "=", stream).executeTakeFirstOrThrow();
  if (row.paused_until && row.paused_until > clock.now()) return "paused";
  if (!(await takeLease(w.db, stream, holder, clock.now()))) return "busy";

  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  // The heartbeat runs on real time: the lease's expiry is what other instances read.
  const heartbeat = setInterval(() => {
    void w.db
      .updateTable("ledger_stream")
      .set({ lease_expires_at: clock.now() + LEASE_MS })
      .where("stream", "=", stream)
      .where("lease_holder", "=", holder)
      .executeTakeFirst()
      .then((r) => {
        if (!Number(r.numUpdatedRows)) abort.abort(new LeaseLostError(stream));
      })
      .catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref?.();

  const budget = new CallBudget(w.db, w.engine, w.config.maxCallsPerMinute, clock);
  const startedAt = clock.now();
  let outcome: RunOutcome = "ok";
  let error: string | null = null;
  let pausedUntil: number | null = null;
  try {
    const ctx = makeContext(
      { db: w.db, engine: w.engine, stream, clock, config: w.config, upstream: workerUpstream(budget, stream, clock, abort.signal, w.onCall && (() => w.onCall!(stream))), signal: abort.signal },
      holder,
      row.cursor ? JSON.parse(row.cursor) : null,
    );
    await SYNCS[stream](ctx);
    await applyRetention(w.db, stream, w.config, clock.now());
    await budget.prune();
  } catch (e) {
    const cause = abort.signal.aborted && abort.signal.reason instanceof LeaseLostError ? abort.signal.reason : e;
    if (cause instanceof RateLimitedError) {
      outcome = "rate_limited";
      pausedUntil = clock.now() + cause.waitMs;
      error = describe(cause);
    } else if (cause instanceof LeaseLostError) {
      outcome = "lease_lost";
      error = cause.message;
    } else if (options.signal?.aborted) {
      // Stopped from outside (shutdown): the cursor holds what was committed; the next run resumes there.
      outcome = "stopped";
      error = "The run was stopped before it finished; the next one resumes from its cursor.";
    } else {
      outcome = "failed";
      error = describe(cause);
    }
    if (outcome === "rate_limited" || outcome === "failed") log.warn("ledger.sync_error", { stream, outcome, error });
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
  const now = clock.now();
  await w.db
    .updateTable("ledger_stream")
    .set({
      lease_holder: null,
      lease_expires_at: null,
      last_run_at: startedAt,
      ...(outcome === "ok" ? { last_success_at: now, last_error: null, last_error_at: null } : { last_error: error, last_error_at: now }),
      ...(pausedUntil ? { paused_until: pausedUntil } : {}),
    })
    .where("stream", "=", stream)
    .where("lease_holder", "=", holder)
    .execute();
  if (outcome === "ok" && w.afterSuccess)
    await w.afterSuccess(stream).catch((e) => log.warn("ledger.after_success_failed", { stream, message: (e as Error)?.message }));
  return outcome;
}

/** Streams in dependency order: invoices before charges (a month freezes once its invoice is kept). */
export const RUN_ORDER: readonly StreamName[] = ["balance", "invoices", "charges", "audit_events", "webhook_deliveries", "usage"];

/** Every stream (or one) once, in order: `npm run sync -- --once`. */
export async function runOnce(w: Worker, only?: StreamName): Promise<Record<string, RunOutcome>> {
  const out: Record<string, RunOutcome> = {};
  const holder = w.holder ?? newHolderId();
  for (const stream of only ? [only] : RUN_ORDER) out[stream] = await runStream({ ...w, holder }, stream);
  return out;
}

/** Asks every instance's worker to run these streams now (the sync page's button). */
export async function requestRun(db: Db, streams: readonly StreamName[], now = Date.now()): Promise<void> {
  await ensureStreamRows(db);
  await db.updateTable("ledger_stream").set({ requested_at: now }).where("stream", "in", [...streams]).execute();
}

/**
 * Keeps every stream on its interval until stopped. Each stream has its own loop, so a long
 * backfill never holds up the 5-minute balance snapshot; the budget spaces their calls.
 */
export function startWorker(w: Worker, options: { tickMs?: number } = {}): { stop(): Promise<void> } {
  const clock = w.clock ?? systemClock;
  const holder = w.holder ?? newHolderId();
  const tickMs = options.tickMs ?? 5_000;
  const stop = new AbortController();
  const loops = STREAMS.map(async (stream) => {
    while (!stop.signal.aborted) {
      try {
        await ensureStreamRows(w.db);
        const row = await w.db.selectFrom("ledger_stream").selectAll().where("stream", "=", stream).executeTakeFirstOrThrow();
        const now = clock.now();
        const due =
          row.last_run_at === null ||
          now - row.last_run_at >= w.config.intervalsS[stream] * 1000 ||
          (row.requested_at !== null && row.requested_at > row.last_run_at);
        const leaseFree = !row.lease_holder || (row.lease_expires_at ?? 0) < now;
        if (due && leaseFree && !(row.paused_until && row.paused_until > now))
          await runStream({ ...w, holder }, stream, { signal: stop.signal });
      } catch (error) {
        log.warn("ledger.worker_tick_failed", { stream, message: (error as Error)?.message });
      }
      await clock.sleep(tickMs, stop.signal);
    }
  });
  return {
    async stop() {
      stop.abort();
      await Promise.all(loops);
    },
  };
}
