// The ledger's streams and settings. Read from the validated environment (lib/env-schema.mjs);
// tests pass their own LedgerConfig instead.
import { parseServerEnv } from "../env-schema.mjs";

export const STREAMS = ["balance", "charges", "invoices", "audit_events", "webhook_deliveries", "usage"] as const;
export type StreamName = (typeof STREAMS)[number];

export function isStreamName(value: unknown): value is StreamName {
  return typeof value === "string" && (STREAMS as readonly string[]).includes(value);
}

/** Seconds between two runs of each stream. */
export const DEFAULT_INTERVALS_S: Record<StreamName, number> = {
  balance: 300, // a snapshot every 5 minutes
  charges: 3_600,
  invoices: 3_600,
  audit_events: 600,
  webhook_deliveries: 600,
  usage: 3_600,
};

export interface LedgerConfig {
  maxCallsPerMinute: number;
  /** Days of detail records the first usage backfill reads. */
  backfillDays: number;
  /** Months of charges and invoices the first backfill reads (the current month included). */
  backfillMonths: number;
  retentionDays: number | undefined;
  intervalsS: Record<StreamName, number>;
  /** Days before today that every usage run re-reads (Telnyx rates the last hours late). */
  trailingDays: number;
  /** A closed month's charges are frozen this many days after its end, once its invoice exists. */
  freezeAfterDays: number;
}

export function parseIntervals(spec: string | undefined): Record<StreamName, number> {
  const out = { ...DEFAULT_INTERVALS_S };
  for (const part of spec ? spec.split(",") : []) {
    const [name, seconds] = part.split("=");
    if (!isStreamName(name)) throw new Error(`LEDGER_INTERVALS: unknown stream "${name}" (streams: ${STREAMS.join(", ")})`);
    out[name] = Math.max(1, Number(seconds));
  }
  return out;
}

/** 60 calls a minute spare a real account's rate limit for the pages; the embedded simulator (no
 *  TELNYX_API_KEY) has no limit to spare, so the demo's first backfill takes seconds, not minutes. */
export function defaultCallsPerMinute(env: Record<string, string | undefined>): number {
  return env.TELNYX_API_KEY ? 60 : 1_200;
}

export function ledgerConfig(env: Record<string, string | undefined> = process.env): LedgerConfig {
  const e = parseServerEnv(env);
  return {
    maxCallsPerMinute: e.SYNC_MAX_CALLS_PER_MINUTE ?? defaultCallsPerMinute(env),
    backfillDays: e.LEDGER_BACKFILL_DAYS,
    backfillMonths: 13,
    retentionDays: e.LEDGER_RETENTION_DAYS,
    intervalsS: parseIntervals(e.LEDGER_INTERVALS),
    trailingDays: 2,
    freezeAfterDays: 5,
  };
}
