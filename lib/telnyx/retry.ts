import "server-only";
import { APIConnectionError, APIError } from "telnyx";
import { ApiError } from "@/lib/api/errors";
import { retryAfterMs } from "./upstream-errors";
import { FallbackPacing, type PacingStore } from "@/lib/shared/pacing";
import { sharedRedis } from "@/lib/shared/redis";

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not slept through: the caller gets 429 and the wait at once. */
  maxRetryAfterMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  budgetMs: number;
}

export const READ_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 2_000,
  budgetMs: 5_000,
};

function isRetryable(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true; // includes timeouts
  if (error instanceof APIError) return error.status === 429 || (error.status ?? 0) >= 500;
  return false;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries of one operation are spaced at least this far apart, whoever asks for them. */
export const MIN_RETRY_SPACING_MS = 1_000;

/** The longest a 429 holds an operation, whatever Retry-After says; then one probe goes upstream. */
export const MAX_HOLD_MS = 60_000;

/** What a read of an operation may do now. */
export type Admission = { go: true; probe: boolean } | { go: false; waitMs: number };

/**
 * Pacing per operation. Concurrent identical reads are already one call (the cache coalesces
 * them); this keeps many *different* reads of one operation (other pages, other filters) from
 * hammering an upstream that is rate-limiting us: retries are spaced a second apart, and after a
 * 429 no new read of that operation goes upstream until the wait Telnyx asked for has passed (at
 * most MAX_HOLD_MS). When the hold ends, one read goes through as a probe while the others still
 * wait: its success lifts the hold, another 429 renews it.
 */
export class RetrySlots {
  private readonly next = new Map<string, number>();
  private readonly held = new Map<string, { until: number; probing: boolean }>();

  /** Claims the first retry slot at or after `earliest`; returns its time. */
  claim(key: string, earliest: number): number {
    const slot = Math.max(earliest, this.next.get(key) ?? 0);
    this.next.set(key, slot + MIN_RETRY_SPACING_MS);
    return slot;
  }

  /** Upstream answered 429 at `now` asking to wait `waitMs`: hold new reads of the operation (capped). */
  hold(key: string, now: number, waitMs: number): void {
    const until = now + Math.min(waitMs, MAX_HOLD_MS);
    const current = this.held.get(key);
    this.held.set(key, { until: current && !current.probing ? Math.max(until, current.until) : until, probing: false });
  }

  /** Whether a new read may go upstream at `now` (and whether it is the probe after a hold). */
  admit(key: string, now: number): Admission {
    const hold = this.held.get(key);
    if (!hold) return { go: true, probe: false };
    if (hold.until > now) return { go: false, waitMs: hold.until - now };
    if (hold.probing) return { go: false, waitMs: MIN_RETRY_SPACING_MS };
    hold.probing = true;
    return { go: true, probe: true };
  }

  /** A read of the operation succeeded: Telnyx is answering again. */
  recovered(key: string): void {
    this.held.delete(key);
  }

  /** The probe ended without telling (another error): let the next read probe. */
  probeEnded(key: string): void {
    const hold = this.held.get(key);
    if (hold) hold.probing = false;
  }

  heldUntil(key: string): number {
    return this.held.get(key)?.until ?? 0;
  }

  clear(): void {
    this.next.clear();
    this.held.clear();
  }
}

const localSlots = new RetrySlots();
// With REDIS_URL the slots and holds are shared by every instance (Telnyx limits the account, not
// the process); without it, or while Redis is unreachable, they stay in this process.
const sharedSlots: PacingStore = new FallbackPacing(sharedRedis, localSlots, { spacingMs: MIN_RETRY_SPACING_MS, maxHoldMs: MAX_HOLD_MS });

/** Tests start each case with no retry slots taken and no holds. */
export function resetRetryPacingForTests(): void {
  localSlots.clear();
}

function rateLimited(waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ApiError("rate_limited", `Telnyx asked to wait ${seconds} s before trying again.`, {
    headers: { "retry-after": String(seconds) },
  });
}

/**
 * Runs a read, retrying 429/5xx/network failures with exponential backoff and full jitter, or the
 * server's Retry-After when it gives one. Bounded in count and total time; given an operation
 * name, paced per operation (see RetrySlots). Never use for writes.
 */
export async function withReadRetries<T>(
  run: () => Promise<T>,
  policy: RetryPolicy = READ_RETRY_POLICY,
  deps: { sleep?: (ms: number) => Promise<void>; random?: () => number; now?: () => number; slots?: PacingStore; operation?: string } = {},
): Promise<T> {
  const wait = deps.sleep ?? sleep;
  const slots = deps.slots ?? sharedSlots;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const started = now();
  const operation = deps.operation;
  // A new read of an operation Telnyx is rate-limiting doesn't go upstream: 429 at once with the wait.
  const admission: Admission = operation ? await slots.admit(operation, started) : { go: true, probe: false };
  if (!admission.go) throw rateLimited(admission.waitMs);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await run();
        if (operation) await slots.recovered(operation);
        return value;
      } catch (error) {
        if (!isRetryable(error)) throw error;
        const asked = error instanceof APIError ? retryAfterMs(error.headers as Headers | undefined) : undefined;
        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        const delay = asked ?? Math.round(backoff / 2 + (random() * backoff) / 2);
        if (operation && error instanceof APIError && error.status === 429) await slots.hold(operation, now(), delay);
        if (attempt >= policy.attempts) throw error;
        if (asked !== undefined && asked > policy.maxRetryAfterMs) throw rateLimited(Math.min(asked, MAX_HOLD_MS));
        if (now() - started + delay > policy.budgetMs) throw error;
        // At most one retry per second per operation: wait for this operation's next free slot.
        const slot = operation ? await slots.claim(operation, now() + delay) : now() + delay;
        if (slot - started > policy.budgetMs) throw error;
        await wait(slot - now());
      }
    }
  } finally {
    if (operation && admission.probe) await slots.probeEnded(operation);
  }
}
