// Under the usage table: the next page of 50 on demand, or the end of the list.
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { formatCount } from "@/lib/format";

export function RecordsFooter({
  total,
  hasNextPage,
  isFetchingNextPage,
  nextPageError,
  fetchNextPage,
}: {
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: unknown;
  fetchNextPage: () => unknown;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-3 py-2 text-xs">
      {nextPageError ? (
        <ErrorState title="Couldn't load the next page" error={nextPageError} onRetry={() => void fetchNextPage()} />
      ) : hasNextPage ? (
        <>
          <span className="text-muted">Pages of 50 (Telnyx&apos;s limit). Export CSV for everything at once.</span>
          <Button variant="secondary" size="sm" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? "Loading…" : "Load 50 more"}
          </Button>
        </>
      ) : (
        <span className="text-muted">All {formatCount(total)} records loaded.</span>
      )}
    </div>
  );
}
