// queryOptions for every Telnyx read, derived from the operation table: the one place a query key
// and its fetcher are written. Server prefetch (./server.ts) uses the same key.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import {
  operationSpecs,
  type OperationName,
  type OperationOutput,
  type OperationParams,
} from "@/lib/telnyx/operation-specs";

export type ReadOperation = { [N in OperationName]: (typeof operationSpecs)[N]["method"] extends "GET" ? N : never }[OperationName];

export function operationQueryKey<N extends OperationName>(name: N, params: OperationParams<N>) {
  return ["telnyx", name, params] as const;
}

/** The dashboard URL of an operation: path parameters filled in, the rest as the query string. */
export function operationUrl<N extends OperationName>(name: N, params: OperationParams<N>): string {
  const template = operationSpecs[name].path;
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
    queryKey: operationQueryKey(name, params),
    queryFn: ({ signal }) => apiFetch<OperationOutput<N>>(operationUrl(name, params), { signal }),
  });
}
