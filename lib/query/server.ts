import "server-only";
import { cache } from "react";
import type { OperationName, OperationParams } from "@/lib/telnyx/operation-specs";
import { runOperation } from "@/lib/telnyx/run";
import { makeQueryClient } from "./query-client";
import { queryKeys } from "./keys";
import { nextPageParam, type PagedOperation, type PagedParams, type ReadOperation } from "./operation-query";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";

/** One query client per server request. */
export const getServerQueryClient = cache(makeQueryClient);

/**
 * Reads on the server, straight through the operation table (no HTTP hop), into the request's
 * query client; the page dehydrates it into HydrationBoundary. Pages start all their prefetches
 * together and await them at once, so there is no waterfall. A failed read is not dehydrated: the
 * client's query runs again through /api and its card shows the server's error message.
 */
export function prefetchOperation<N extends ReadOperation>(name: N, params: OperationParams<N>): Promise<void> {
  return getServerQueryClient().prefetchQuery({
    queryKey: queryKeys.telnyx.read(name, params),
    queryFn: () => runOperation(name as OperationName, params as never),
  });
}

/** The first page of a paged read, under the key `operationPagesQuery` uses on the client. */
export function prefetchOperationPages<N extends PagedOperation>(name: N, params: PagedParams<N>): Promise<void> {
  return getServerQueryClient().prefetchInfiniteQuery({
    queryKey: queryKeys.telnyx.pages(name, params),
    queryFn: ({ pageParam }) => runOperation(name as OperationName, { ...params, page: pageParam } as never),
    initialPageParam: 1,
    getNextPageParam: (last: unknown) => nextPageParam(last as { meta: PaginationMeta }),
  });
}
