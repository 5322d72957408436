"use client";

import { Archive } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { displayPrefs } from "@/lib/display-prefs";
import { formatCount } from "@/lib/format";
import type { InvoiceZipRequest } from "@/lib/invoices/schemas";
import { LAST_MONTHS_COUNT, selectionWords } from "@/lib/invoices/selection";
import { useZipDownload } from "./use-zip-download";

const mb = (bytes: number) => new Intl.NumberFormat(displayPrefs().locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(bytes / 1_000_000);

/** Bulk download: the selected invoices, or all of a year, as one zip with visible progress. */
export function BulkDownloadBar({
  selectedIds,
  shownIds,
  year,
  yearCount,
  onClearSelection,
  onSelectLatest,
  selectingLatest,
}: {
  selectedIds: string[];
  /** The invoices the list shows now: the bar says how many of the selected ones they are. */
  shownIds: readonly string[];
  year: number | null;
  yearCount: number | null;
  onClearSelection: () => void;
  /** Selects the LAST_MONTHS_COUNT newest invoices. */
  onSelectLatest: () => void;
  selectingLatest: boolean;
}) {
  const words = selectionWords(new Set(selectedIds), shownIds, formatCount);
  const { state, start, cancel, reset } = useZipDownload();
  const running = state.status === "running";
  return (
    // Sticky: it stays in view while scrolling down the list to select.
    <div className="sticky top-0 z-10 space-y-2 rounded-md border border-border bg-bg p-3 text-sm shadow-sm" data-testid="bulk-download">
      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-auto" aria-live="polite" data-testid="selection-words">
          {words.text}
        </span>
        <Button size="sm" variant="secondary" disabled={running || selectingLatest} onClick={onSelectLatest}>
          {selectingLatest ? "Selecting…" : `Last ${LAST_MONTHS_COUNT} months`}
        </Button>
        {selectedIds.length ? (
          <>
            <Button size="sm" disabled={running} onClick={() => void start({ ids: selectedIds } satisfies InvoiceZipRequest)}>
              <Archive aria-hidden className="h-4 w-4" />
              Download selected as zip
            </Button>
            <Button size="sm" variant="ghost" disabled={running} onClick={onClearSelection}>
              Clear selection
            </Button>
          </>
        ) : null}
        {year ? (
          <Button size="sm" variant="secondary" disabled={running} onClick={() => void start({ year })}>
            <Archive aria-hidden className="h-4 w-4" />
            Download all of {year}
            {yearCount !== null ? ` (${formatCount(yearCount)})` : ""}
          </Button>
        ) : null}
      </div>
      {state.status === "running" ? (
        <div className="flex flex-wrap items-center gap-3" data-testid="zip-progress">
          <progress
            className="h-2 w-48 accent-[var(--accent)]"
            max={state.total || 1}
            value={Math.max(0, state.started - 1)}
            aria-label="Zip progress"
          />
          <span role="status">
            {state.total ? `Adding invoice ${Math.max(1, state.started)} of ${state.total}` : "Preparing the zip"} · {mb(state.bytes)} received
          </span>
          <Button size="sm" variant="ghost" onClick={cancel}>
            Cancel
          </Button>
        </div>
      ) : null}
      {state.status === "done" ? (
        <p role="status" className="text-success">
          Saved {state.fileName}: {formatCount(state.total)} invoices, {mb(state.bytes)}.{" "}
          <button type="button" className="text-accent underline" onClick={reset}>
            Dismiss
          </button>
        </p>
      ) : null}
      {state.status === "error" ? <ErrorState title="The zip could not be downloaded" error={new Error(state.message)} onRetry={reset} /> : null}
    </div>
  );
}
