// The states of a list read from the API, in one place: loading, failed (with retry), empty (no
// data at all, or no results under the current filters, with "Clear filters"), then the table and
// its footer (paging, "load more"). A failed refresh of data already shown keeps the data.
import type { ReactNode } from "react";
import { Button } from "./button";
import { LoadingBlock } from "./skeleton";
import { EmptyState, ErrorState } from "./states";

export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: unknown;
  refetch: () => unknown;
}

export interface EmptyText {
  title: string;
  body?: ReactNode;
}

export interface PagedListStateProps {
  query: ListQuery;
  /** What is loading, for screen readers ("webhook deliveries"). */
  loadingLabel: string;
  loadingLines?: number;
  errorTitle: string;
  /** Said above the (kept) table when a refresh fails; unset: the failure is shown only without data. */
  refreshErrorTitle?: string;
  isEmpty: boolean;
  /** Nothing at all. */
  noData: EmptyText;
  /** Nothing under the filters in force (`filtered`), with a way to clear them. */
  noResults?: EmptyText & { clearLabel?: string };
  filtered?: boolean;
  onClearFilters?: () => void;
  footer?: ReactNode;
  children: ReactNode;
}

/** An empty list: nothing at all, or nothing under the filters in force, with a way to clear them. */
export function ListEmptyState({ noData, noResults, filtered, onClearFilters }: Pick<PagedListStateProps, "noData" | "noResults" | "filtered" | "onClearFilters">) {
  const matching = filtered && noResults ? noResults : null;
  const text = matching ?? noData;
  return (
    <EmptyState
      title={text.title}
      action={
        matching && onClearFilters ? (
          <Button variant="secondary" size="sm" onClick={onClearFilters}>
            {matching.clearLabel ?? "Clear filters"}
          </Button>
        ) : undefined
      }
    >
      {text.body}
    </EmptyState>
  );
}

export function PagedListState(props: PagedListStateProps) {
  const { query } = props;
  if (query.isPending)
    return (
      <div className="p-3">
        <LoadingBlock label={props.loadingLabel} lines={props.loadingLines ?? 6} />
      </div>
    );
  if (query.isError && query.data === undefined)
    return (
      <div className="p-3">
        <ErrorState title={props.errorTitle} error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  if (props.isEmpty)
    return (
      <div className="p-3">
        <ListEmptyState noData={props.noData} noResults={props.noResults} filtered={props.filtered} onClearFilters={props.onClearFilters} />
      </div>
    );
  return (
    <>
      {props.refreshErrorTitle && query.isError ? (
        <div className="p-3">
          <ErrorState title={props.refreshErrorTitle} error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : null}
      {props.children}
      {props.footer}
    </>
  );
}
