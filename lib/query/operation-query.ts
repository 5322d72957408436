// queryOptions for every Telnyx read, derived from the operation table, with keys from ./keys.ts.
// Server prefetch (./server.ts) uses the same keys.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import { operationRoutes, type OperationName, type ReadOperation } from "@/lib/telnyx/operation-routes";
// Types only: the schemas themselves stay out of the browser's bundle.
import type { OperationOutput, OperationParams } from "@/lib/telnyx/operation-specs";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import { queryKeys } from "./keys";

export type { ReadOperation };

/** The dashboard URL of an operation: path parameters filled in, the rest as the query string. */
export function operationUrl<N extends OperationName>(name: N, params: OperationParams<N>): string {
  const template = operationRoutes[name].path;
  if (!template) throw new Error(`${name} has no dashboard path`);
  const query = new URLSearchParams();
  let path: string = template;
  for (const [key, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null || value === "") continue;
    if (path.includes(`{${key}}`)) path = path.replace(`{${key}}`, encodeURIComponent(String(value)));
    else query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export function operationQuery<N extends ReadOperation>(name: N, params: OperationParams<N>) {
  return queryOptions({
    queryKey: queryKeys.telnyx.read(name, params),
    queryFn: ({ signal }) => apiFetch<OperationOutput<N>>(operationUrl(name, params), { signal }),
  });
}

/** Reads whose input takes a 1-based `page` and whose answer carries Telnyx's pagination meta. */
export type PagedOperation = "auditEvents" | "webhookDeliveries" | "detailRecords" | "invoices";
export type PagedParams<N extends PagedOperation> = Omit<OperationParams<N>, "page">;

export function nextPageParam(last: { meta: PaginationMeta }): number | undefined {
  return last.meta.page_number < last.meta.total_pages ? last.meta.page_number + 1 : undefined;
}

/** Page after page of a paged read (infinite lists: load more, scroll to load). */
export function operationPagesQuery<N extends PagedOperation>(name: N, params: PagedParams<N>) {
  return infiniteQueryOptions({
    queryKey: queryKeys.telnyx.pages(name, params),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<OperationOutput<N>>(operationUrl(name, { ...params, page: pageParam } as OperationParams<N>), { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => nextPageParam(last as { meta: PaginationMeta }),
  });
}
