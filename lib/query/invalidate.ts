// After a write (or a write whose outcome is unknown): invalidate, by key prefix, every cached read
// the operation table says it makes stale, and the dashboard's action log, which every write adds to.
import type { QueryClient } from "@tanstack/react-query";
import { operationRoutes, type OperationName } from "@/lib/telnyx/operation-routes";
import { queryKeys } from "./keys";

export type WriteOperation = { [N in OperationName]: (typeof operationRoutes)[N] extends { invalidates: readonly unknown[] } ? N : never }[OperationName];

/** The key prefixes a write makes stale. */
export function keysStaleAfter(write: WriteOperation): ReadonlyArray<readonly unknown[]> {
  const own = write === "createPayment" ? [queryKeys.dashboard.family("payments")] : []; // the Payments view lists it
  return [...operationRoutes[write].invalidates.map((name) => queryKeys.telnyx.operation(name)), queryKeys.dashboard.family("actionLog"), ...own];
}

/** A write that surely failed changed nothing upstream, but the action log has a line more. */
export function invalidateActionLog(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.family("actionLog") });
}

export async function invalidateAfterWrite(queryClient: QueryClient, write: WriteOperation): Promise<void> {
  await Promise.all(keysStaleAfter(write).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
