import "server-only";
import { stringify } from "csv-stringify/sync";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { runOperation } from "@/lib/telnyx/run";
import {
  DETAIL_RECORD_PAGE_CAP,
  type DetailRecord,
  type DetailRecordQuery,
} from "@/lib/telnyx/schemas/detail-records";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import { exportFileName, neutralizeFormula } from "./csv";
import { cellText, layoutFor } from "./records";

export type PageReader = (page: number) => Promise<{ data: DetailRecord[]; meta: PaginationMeta }>;

export interface ExportOptions {
  query: DetailRecordQuery;
  /** Reads one page of 50; defaults to the detailRecords operation, uncached. */
  readPage?: PageReader;
  /** The client's request signal: when it aborts, no further page is read. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Hard stop: a walk that would need more pages fails loudly rather than truncating. */
  maxPages?: number;
}

export interface UsageExport {
  stream: ReadableStream<Uint8Array>;
  /** Telnyx's total_results for the query, from the first page. */
  expectedRows: number;
  fileName: string;
  columns: string[];
}

export const MAX_EXPORT_PAGES = 10_000;
/** A Telnyx rate limit is waited out this many times per page, each wait at most MAX_WAIT_MS. */
const MAX_WAITS_PER_PAGE = 5;
const MAX_WAIT_MS = 30_000;
const TRANSIENT_PAUSE_MS = 2_000;

function abortError(): Error {
  const e = new Error("The export was cancelled.");
  e.name = "AbortError";
  return e;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * Reads a page, waiting out Telnyx's rate limit (Retry-After, bounded) and brief outages
 * (runOperation has already retried quickly) a few times before giving up.
 */
async function readWithPatience(read: PageReader, page: number, sleep: NonNullable<ExportOptions["sleep"]>, signal?: AbortSignal) {
  for (let waits = 0; ; waits++) {
    if (signal?.aborted) throw abortError();
    try {
      return await read(page);
    } catch (error) {
      if (!(error instanceof ApiError) || waits >= MAX_WAITS_PER_PAGE) throw error;
      if (error.code === "rate_limited") {
        const seconds = Number(error.headers["retry-after"]) || 1;
        await sleep(Math.min(seconds * 1000, MAX_WAIT_MS), signal);
      } else if (error.code === "upstream_unavailable" || error.code === "upstream_timeout") {
        if (waits >= 2) throw error;
        await sleep(TRANSIENT_PAUSE_MS, signal);
      } else throw error;
    }
  }
}

/**
 * Starts a CSV export of every detail record matching the query. The first page is read before
 * anything is sent, so a query Telnyx refuses is an ordinary error response. After that, rows are
 * streamed page by page, pulled by the reader (a slow download reads no further ahead than one
 * page), and a failure errors the stream: the download fails rather than ending short.
 */
export async function startUsageExport(options: ExportOptions): Promise<UsageExport> {
  const { query, signal } = options;
  const sleep = options.sleep ?? defaultSleep;
  const maxPages = options.maxPages ?? MAX_EXPORT_PAGES;
  const read: PageReader =
    options.readPage ??
    ((page) => runOperation("detailRecords", { ...query, page, size: DETAIL_RECORD_PAGE_CAP }, "query", { cache: false }));

  const first = await readWithPatience(read, 1, sleep, signal);
  const layout = layoutFor(query.record_type, first.data);
  const columns = [...layout.fields];
  for (const r of first.data) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);

  const encoder = new TextEncoder();
  const toCsv = (records: DetailRecord[], header: boolean) =>
    encoder.encode(
      stringify(
        records.map((r) => columns.map((k) => neutralizeFormula(cellText((r as Record<string, unknown>)[k])))),
        { header, columns, eof: true },
      ),
    );

  const walk = new AbortController();
  const onClientAbort = () => walk.abort();
  signal?.addEventListener("abort", onClientAbort, { once: true });
  const done = () => signal?.removeEventListener("abort", onClientAbort);

  let next: { page: number; meta: PaginationMeta } | null = null;
  let rows = 0;
  const started = Date.now();

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(toCsv(first.data, true));
        rows += first.data.length;
        next = { page: 2, meta: first.meta };
      },
      async pull(controller) {
        try {
          if (!next || next.page > next.meta.total_pages) {
            done();
            log.info("usage.export_done", { record_type: query.record_type, rows, ms: Date.now() - started });
            controller.close();
            return;
          }
          if (next.page > maxPages)
            throw new ApiError("invalid_input", `This export needs more than ${maxPages} pages; narrow the date range.`);
          const page = await readWithPatience(read, next.page, sleep, walk.signal);
          if (walk.signal.aborted) throw abortError();
          if (page.data.length === 0 && page.meta.page_number < page.meta.total_pages)
            throw new ApiError("upstream_contract", `Telnyx returned an empty page ${next.page} of ${page.meta.total_pages}.`);
          controller.enqueue(toCsv(page.data, false));
          rows += page.data.length;
          next = page.data.length === 0 ? null : { page: next.page + 1, meta: page.meta };
        } catch (error) {
          done();
          const cancelled = (error as Error).name === "AbortError";
          log[cancelled ? "info" : "error"](cancelled ? "usage.export_cancelled" : "usage.export_failed", {
            record_type: query.record_type,
            rows,
            page: next?.page,
            message: (error as Error).message,
          });
          // Erroring the stream aborts the HTTP response mid-body: the download fails visibly.
          controller.error(error);
        }
      },
      cancel() {
        walk.abort();
        done();
        log.info("usage.export_cancelled", { record_type: query.record_type, rows });
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );

  return { stream, expectedRows: first.meta.total_results, fileName: exportFileName(query), columns };
}
