import "server-only";
// The worker's way upstream: the same operation table and response validation as the pages
// (callOnce), but never through the pages' cache, always inside the call budget, one attempt per
// call, and a 429 is not slept through: the stream pauses for Telnyx's full Retry-After.
import { APIConnectionError, APIError } from "telnyx";
import { ApiError } from "@/lib/api/errors";
import { openInvoicePdf } from "@/lib/invoices/download";
import type { OperationOutput, OperationParams } from "@/lib/telnyx/operation-specs";
import type { ReadOperation } from "@/lib/telnyx/operation-routes";
import { callOnce, parseOperationInput, UPSTREAM_TIMEOUTS } from "@/lib/telnyx/run";
import { retryAfterMs, toApiError } from "@/lib/telnyx/upstream-errors";
import type { CallBudget } from "./budget";
import type { Clock } from "./clock";

/** Telnyx answered 429: the stream waits `waitMs` (Retry-After, in full) before its next call. */
export class RateLimitedError extends Error {
  constructor(readonly waitMs: number) {
    super(`Telnyx's rate limit was reached; this stream waits ${Math.ceil(waitMs / 1000)} s as Telnyx asked.`);
  }
}

/** Without a Retry-After, a 429 pauses the stream for a minute. */
const DEFAULT_429_WAIT_MS = 60_000;

function rethrow(error: unknown): never {
  if (error instanceof APIError && error.status === 429)
    throw new RateLimitedError(retryAfterMs(error.headers as Headers | undefined) ?? DEFAULT_429_WAIT_MS);
  throw toApiError(error);
}

export interface WorkerUpstream {
  read<N extends ReadOperation>(name: N, params: OperationParams<N>): Promise<OperationOutput<N>>;
  /** An invoice's PDF (a fresh link, then the file). */
  invoicePdf(id: string): Promise<Uint8Array>;
}

/** Network failures and Telnyx's 5xx are tried again (each attempt inside the budget), at most this often. */
const MAX_ATTEMPTS = 3;
const isTransient = (error: unknown) =>
  error instanceof APIConnectionError ||
  (error instanceof APIError && (error.status ?? 0) >= 500) ||
  (error instanceof ApiError && (error.code === "upstream_unavailable" || error.code === "upstream_timeout"));

export function workerUpstream(budget: CallBudget, stream: string, clock: Clock, signal?: AbortSignal, onCall?: () => void): WorkerUpstream {
  /** One call (`calls` budget units) with retries of transient failures; a 429 ends the run. */
  async function attempt<T>(calls: number, fn: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      for (let i = 0; i < calls; i++) {
        await budget.acquire(stream, signal);
        onCall?.();
      }
      try {
        return await fn();
      } catch (error) {
        if (n >= MAX_ATTEMPTS || !isTransient(error)) rethrow(error);
        await clock.sleep(1_000 * 2 ** (n - 1), signal);
      }
    }
  }
  return {
    read(name, params) {
      const input = parseOperationInput(name, params);
      return attempt(1, async () => (await callOnce(name, input, UPSTREAM_TIMEOUTS.readMs)).value as never);
    },
    invoicePdf(id) {
      // A fresh link, then the file: two calls of the budget.
      return attempt(2, async () => {
        const file = await openInvoicePdf(id, async () =>
          (await callOnce("invoiceLink", parseOperationInput("invoiceLink", { id }), UPSTREAM_TIMEOUTS.readMs)).value as OperationOutput<"invoiceLink">,
        );
        return new Uint8Array(await new Response(file.body).arrayBuffer());
      });
    },
  };
}
