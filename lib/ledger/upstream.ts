import "server-only";
// The worker's way upstream: the same operation table and response validation as the pages
// (callOnce), but never through the pages' cache, always inside the call budget, one attempt per
// call, and a 429 is not slept through: the stream pauses for Telnyx's full Retry-After.
import { APIError } from "telnyx";
import { openInvoicePdf } from "@/lib/invoices/download";
import type { OperationOutput, OperationParams } from "@/lib/telnyx/operation-specs";
import type { ReadOperation } from "@/lib/telnyx/operation-routes";
import { callOnce, parseOperationInput, UPSTREAM_TIMEOUTS } from "@/lib/telnyx/run";
import { retryAfterMs, toApiError } from "@/lib/telnyx/upstream-errors";
import type { CallBudget } from "./budget";

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
  /** An invoice's PDF (a fresh link, then the file: two calls of the budget). */
  invoicePdf(id: string): Promise<Uint8Array>;
}

export function workerUpstream(budget: CallBudget, stream: string, signal?: AbortSignal, onCall?: () => void): WorkerUpstream {
  const acquire = async () => {
    await budget.acquire(stream, signal);
    onCall?.();
  };
  return {
    async read(name, params) {
      const input = parseOperationInput(name, params);
      await acquire();
      try {
        return (await callOnce(name, input, UPSTREAM_TIMEOUTS.readMs)).value as never;
      } catch (error) {
        rethrow(error);
      }
    },
    async invoicePdf(id) {
      try {
        const file = await openInvoicePdf(id, async () => {
          await acquire();
          const link = (await callOnce("invoiceLink", parseOperationInput("invoiceLink", { id }), UPSTREAM_TIMEOUTS.readMs)).value;
          await acquire(); // the file download that follows
          return link as OperationOutput<"invoiceLink">;
        });
        return new Uint8Array(await new Response(file.body).arrayBuffer());
      } catch (error) {
        rethrow(error);
      }
    },
  };
}
