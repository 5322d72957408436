"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadingBlock } from "./skeleton";
import { ErrorState } from "./states";

/**
 * The loading / error / data states of a `useQuery` whose key changes with filters (for fixed
 * queries prefer QueryBoundary + useSuspenseQuery). While new data loads with keepPreviousData,
 * the previous data stays on screen, dimmed and marked busy.
 */
export function QueryResult<T>({
  query,
  label,
  children,
  lines,
}: {
  query: UseQueryResult<T>;
  label: string;
  children: (data: T) => ReactNode;
  lines?: number;
}) {
  if (query.isError && !query.isFetching)
    return <ErrorState title={`Couldn't load ${label}`} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <LoadingBlock label={label} lines={lines} />;
  const refreshing = query.isPlaceholderData || (query.isFetching && query.isError);
  return (
    <div aria-busy={refreshing} className={refreshing ? "opacity-60 transition-opacity" : undefined}>
      {children(query.data)}
    </div>
  );
}
