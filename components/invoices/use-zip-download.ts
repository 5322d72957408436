"use client";

import { useCallback, useRef, useState } from "react";
import { apiClientErrorFrom } from "@/lib/api/fetcher";
import type { InvoiceZipRequest } from "@/lib/invoices/schemas";
import { ZipEntryCounter } from "@/lib/invoices/zip-progress";

export type ZipDownloadState =
  | { status: "idle" }
  | { status: "running"; total: number; started: number; bytes: number }
  | { status: "done"; total: number; fileName: string; bytes: number }
  | { status: "error"; message: string };

function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

/**
 * POSTs a bulk download and reads the zip as it streams, counting the files that have arrived
 * (x-invoice-count says how many to expect), then saves it under the server's file name.
 */
export function useZipDownload() {
  const [state, setState] = useState<ZipDownloadState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async (request: InvoiceZipRequest) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: "running", total: "ids" in request ? request.ids.length : 0, started: 0, bytes: 0 });
    try {
      const response = await fetch("/api/invoices/zip", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/zip" },
        body: JSON.stringify(request),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw await apiClientErrorFrom(response);
      const total = Number(response.headers.get("x-invoice-count")) || 0;
      const fileName = fileNameOf(response, "telnyx-invoices.zip");
      const counter = new ZipEntryCounter();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        counter.push(value);
        setState({ status: "running", total, started: counter.entries, bytes: counter.bytes });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ status: "done", total, fileName, bytes: counter.bytes });
    } catch (error) {
      if (controller.signal.aborted) {
        setState({ status: "idle" });
        return;
      }
      const message =
        error instanceof TypeError
          ? "The zip stopped before it was complete (an invoice could not be fetched, or the connection dropped). Try again."
          : error instanceof Error
            ? error.message
            : "The zip could not be built.";
      setState({ status: "error", message });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, start, cancel, reset };
}
