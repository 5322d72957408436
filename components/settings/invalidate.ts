import type { QueryClient } from "@tanstack/react-query";
import { operationQueryKey } from "@/lib/query/operation-query";
import { operationRoutes } from "@/lib/telnyx/operation-routes";

/** After a write (or a write whose outcome is unknown), the reads it makes stale, per the operation table. */
export function invalidateAfterWrite(queryClient: QueryClient, write: "updateAutoRecharge" | "createPayment"): Promise<void> {
  return Promise.all(
    operationRoutes[write].invalidates.map((name) => {
      // The key's prefix without parameters: every cached page/filter of that read.
      const [namespace, operation] = operationQueryKey(name, {} as never);
      return queryClient.invalidateQueries({ queryKey: [namespace, operation] });
    }),
  ).then(() => undefined);
}
