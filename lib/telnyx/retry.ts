import "server-only";
import { APIConnectionError, APIError } from "telnyx";
import { ApiError } from "@/lib/api/errors";
import { retryAfterMs } from "./upstream-errors";

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

/**
 * Runs a read, retrying 429/5xx/network failures with exponential backoff and full jitter, or the
 * server's Retry-After when it gives one. Bounded in count and total time. Never use for writes.
 */
export async function withReadRetries<T>(
  run: () => Promise<T>,
  policy: RetryPolicy = READ_RETRY_POLICY,
  deps: { sleep?: (ms: number) => Promise<void>; random?: () => number; now?: () => number } = {},
): Promise<T> {
  const wait = deps.sleep ?? sleep;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.attempts) throw error;
      const asked = error instanceof APIError ? retryAfterMs(error.headers as Headers | undefined) : undefined;
      if (asked !== undefined && asked > policy.maxRetryAfterMs) {
        const seconds = Math.ceil(asked / 1000);
        throw new ApiError("rate_limited", `Telnyx asked to wait ${seconds} s before trying again.`, {
          headers: { "retry-after": String(seconds) },
        });
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = asked ?? Math.round(backoff / 2 + (random() * backoff) / 2);
      if (now() - started + delay > policy.budgetMs) throw error;
      await wait(delay);
    }
  }
}
