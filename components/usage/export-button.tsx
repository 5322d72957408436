"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiClientError } from "@/lib/api/fetcher";
import type { ApiErrorItem } from "@/lib/api/errors";
import { formatCount } from "@/lib/format";
import { createCsvRowCounter, EXPECTED_ROWS_HEADER } from "@/lib/usage/csv";

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; rows: number; expected: number | null }
  | { kind: "done"; rows: number; expected: number | null; fileName: string }
  | { kind: "cancelled"; rows: number }
  | { kind: "failed"; rows: number; message: string };

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(cd)?.[1] ?? fallback;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const items = ((await res.json()) as { errors?: ApiErrorItem[] }).errors ?? [];
    return items.map((i) => i.detail || i.title).join(" ") || `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/**
 * Downloads the whole result as CSV from the streaming export route: shows rows received so far
 * against Telnyx's total, can be cancelled, and says plainly when it was cancelled or broke off.
 */
export function ExportButton({
  url,
  fallbackName,
  label = "Export CSV",
  onComplete,
  statusTestId = "export-status",
}: {
  url: string;
  fallbackName: string;
  label?: string;
  /** The whole file's text once it has arrived (e.g. to total it). */
  onComplete?: (csv: string) => void;
  statusTestId?: string;
}) {
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const start = async () => {
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: "running", rows: 0, expected: null });
    const counter = createCsvRowCounter();
    const rowsSoFar = () => Math.max(0, counter.rows - 1); // the header is not a record
    try {
      const res = await fetch(url, { signal: controller.signal, headers: { accept: "text/csv" } });
      if (!res.ok || !res.body) {
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- session over: a full load to the sign-in page drops the client's cache
        if (res.status === 401) window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
        throw new ApiClientError(res.status, await errorMessage(res));
      }
      const expected = Number(res.headers.get(EXPECTED_ROWS_HEADER));
      const expectedRows = Number.isFinite(expected) && res.headers.has(EXPECTED_ROWS_HEADER) ? expected : null;
      const fileName = fileNameOf(res, fallbackName);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const chunks: BlobPart[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        counter.push(decoder.decode(value, { stream: true }));
        setState({ kind: "running", rows: rowsSoFar(), expected: expectedRows });
      }
      const blob = new Blob(chunks, { type: "text/csv;charset=utf-8" });
      if (onComplete) onComplete(await blob.text());
      const href = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = href;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      setState({ kind: "done", rows: rowsSoFar(), expected: expectedRows, fileName });
    } catch (error) {
      if (controller.signal.aborted) setState({ kind: "cancelled", rows: rowsSoFar() });
      else if (error instanceof ApiClientError) setState({ kind: "failed", rows: 0, message: error.message });
      else
        setState({
          kind: "failed",
          rows: rowsSoFar(),
          message: "The connection broke off before the end: the server could not read every page from Telnyx, or the network dropped. No file was saved.",
        });
    } finally {
      abortRef.current = null;
    }
  };

  const running = state.kind === "running";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={start} disabled={running}>
          {running ? "Exporting…" : label}
        </Button>
        {running ? (
          <Button variant="ghost" size="sm" onClick={() => abortRef.current?.abort()}>
            Cancel export
          </Button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="text-xs" data-testid={statusTestId}>
        {state.kind === "running" ? (
          <span className="flex items-center gap-2">
            <progress
              className="h-2 w-40"
              value={state.rows}
              max={state.expected ?? undefined}
              aria-label="Export progress"
            />
            {formatCount(state.rows)}
            {state.expected !== null ? ` of ${formatCount(state.expected)}` : ""} rows
          </span>
        ) : state.kind === "done" ? (
          <span className="text-success">
            Exported {formatCount(state.rows)} rows to {state.fileName}.
            {state.expected !== null && state.expected !== state.rows ? (
              <span className="text-warning"> Telnyx reported {formatCount(state.expected)} when the export started; records changed while it ran.</span>
            ) : null}
          </span>
        ) : state.kind === "cancelled" ? (
          <span className="text-warning">Export cancelled after {formatCount(state.rows)} rows. No file was saved.</span>
        ) : state.kind === "failed" ? (
          <span className="text-danger">
            Export failed after {formatCount(state.rows)} rows. {state.message}
          </span>
        ) : null}
      </div>
    </div>
  );
}
