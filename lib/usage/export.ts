import "server-only";
import { stringify } from "csv-stringify/sync";
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { runOperation } from "@/lib/telnyx/run";
import {
  DETAIL_RECORD_PAGE_CAP,
  DETAIL_RECORD_TYPES,
  type DetailRecord,
  type DetailRecordType,
  type UsageExportQuery,
} from "@/lib/telnyx/schemas/detail-records";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import { exportFileName, neutralizeFormula } from "./csv";
import { cellText, layoutFor, recordCost, recordTags } from "./records";

export type PageReader = (page: number, recordType: DetailRecordType) => Promise<{ data: DetailRecord[]; meta: PaginationMeta }>;

export interface ExportOptions {
  query: UsageExportQuery;
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
async function readWithPatience(read: PageReader, page: number, type: DetailRecordType, sleep: NonNullable<ExportOptions["sleep"]>, signal?: AbortSignal) {
  for (let waits = 0; ; waits++) {
    if (signal?.aborted) throw abortError();
    try {
      return await read(page, type);
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

/** The columns of an all-record-types export: the same for every type, the rest of a record in `details`. */
export const ALL_TYPES_COLUMNS = ["record_type", "id", "time_utc", "cost", "currency", "tags", "details"] as const;

/** One record as a row of the all-record-types export (time in UTC, cost exact, the other fields as JSON). */
export function allTypesRow(type: DetailRecordType, record: DetailRecord): string[] {
  const layout = layoutFor(type, [record]);
  const r = record as Record<string, unknown>;
  const id = typeof r.id === "string" ? r.id : typeof r.uuid === "string" ? r.uuid : "";
  const time = r[layout.timeField];
  const parsed = typeof time === "string" ? Date.parse(time) : NaN;
  const rest = Object.fromEntries(
    Object.entries(r).filter(([k]) => !["id", "uuid", "record_type", layout.timeField, layout.costField, layout.tagsField, "currency"].includes(k)),
  );
  return [
    type,
    id,
    Number.isNaN(parsed) ? cellText(time) : new Date(parsed).toISOString(),
    recordCost(record, layout) ?? "",
    typeof r.currency === "string" ? r.currency : "",
    recordTags(record, layout).join(","),
    JSON.stringify(rest),
  ].map(neutralizeFormula);
}

/** Records of one type left to stream, from the page after the one already read. */
interface Source {
  type: DetailRecordType;
  first: { data: DetailRecord[]; meta: PaginationMeta };
}

/**
 * Starts a CSV export of every detail record matching the query; `record_type: "all"` walks every
 * record type Telnyx has (it needs one type per request) into one file with a `record_type` column.
 * The first page of each type is read before anything is sent, so a query Telnyx refuses is an
 * ordinary error response. After that, rows are streamed page by page, pulled by the reader (a slow
 * download reads no further ahead than one page), and a failure errors the stream: the download
 * fails rather than ending short. The header row is always sent, also when nothing matched.
 */
export async function startUsageExport(options: ExportOptions): Promise<UsageExport> {
  const { query, signal } = options;
  const sleep = options.sleep ?? defaultSleep;
  const maxPages = options.maxPages ?? MAX_EXPORT_PAGES;
  const { record_type: wanted, ...filters } = query;
  const read: PageReader =
    options.readPage ??
    ((page, type) => runOperation("detailRecords", { ...filters, record_type: type, page, size: DETAIL_RECORD_PAGE_CAP }, "query", { cache: false }));

  const all = wanted === "all";
  const types: DetailRecordType[] = all ? [...DETAIL_RECORD_TYPES] : [wanted];
  const sources: Source[] = [];
  for (const type of types) sources.push({ type, first: await readWithPatience(read, 1, type, sleep, signal) });

  let columns: string[];
  let toRow: (type: DetailRecordType, r: DetailRecord) => string[];
  if (all) {
    columns = [...ALL_TYPES_COLUMNS];
    toRow = allTypesRow;
  } else {
    const first = sources[0]!.first;
    columns = [...layoutFor(wanted, first.data).fields];
    for (const r of first.data) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
    toRow = (_type, r) => columns.map((k) => neutralizeFormula(cellText((r as Record<string, unknown>)[k])));
  }

  const encoder = new TextEncoder();
  const header = stringify([columns], { eof: true });
  const toCsv = (type: DetailRecordType, records: DetailRecord[], withHeader = false) =>
    encoder.encode((withHeader ? header : "") + (records.length ? stringify(records.map((r) => toRow(type, r)), { eof: true }) : ""));

  const walk = new AbortController();
  const onClientAbort = () => walk.abort();
  signal?.addEventListener("abort", onClientAbort, { once: true });
  const done = () => signal?.removeEventListener("abort", onClientAbort);

  // The walk: each source's first page (already read), then its next pages, then the next source.
  const pending = sources.filter((s) => s.first.data.length > 0);
  let current: { type: DetailRecordType; page: number; meta: PaginationMeta } | null = null;
  let rows = 0;
  let pagesRead = 0;
  const started = Date.now();
  const logType = all ? "all" : wanted;

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // The header always, with the first records if there are any.
        const source = pending.shift();
        controller.enqueue(toCsv(source?.type ?? types[0]!, source?.first.data ?? [], true));
        if (source) {
          rows += source.first.data.length;
          current = { type: source.type, page: 2, meta: source.first.meta };
        }
      },
      async pull(controller) {
        try {
          if (current && current.page > current.meta.total_pages) current = null;
          if (!current) {
            const source = pending.shift();
            if (!source) {
              done();
              log.info("usage.export_done", { record_type: logType, rows, ms: Date.now() - started });
              controller.close();
              return;
            }
            controller.enqueue(toCsv(source.type, source.first.data));
            rows += source.first.data.length;
            current = { type: source.type, page: 2, meta: source.first.meta };
            return;
          }
          if (++pagesRead + sources.length > maxPages)
            throw new ApiError("invalid_input", `This export needs more than ${maxPages} pages; narrow the date range.`);
          const page = await readWithPatience(read, current.page, current.type, sleep, walk.signal);
          if (walk.signal.aborted) throw abortError();
          if (page.data.length === 0 && page.meta.page_number < page.meta.total_pages)
            throw new ApiError("upstream_contract", `Telnyx returned an empty page ${current.page} of ${page.meta.total_pages}.`);
          controller.enqueue(toCsv(current.type, page.data));
          rows += page.data.length;
          current = page.data.length === 0 ? null : { type: current.type, page: current.page + 1, meta: page.meta };
        } catch (error) {
          done();
          const cancelled = (error as Error).name === "AbortError";
          log[cancelled ? "info" : "error"](cancelled ? "usage.export_cancelled" : "usage.export_failed", {
            record_type: logType,
            rows,
            page: current?.page,
            message: (error as Error).message,
          });
          // Erroring the stream aborts the HTTP response mid-body: the download fails visibly.
          controller.error(error);
        }
      },
      cancel() {
        walk.abort();
        done();
        log.info("usage.export_cancelled", { record_type: logType, rows });
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );

  const expectedRows = sources.reduce((n, s) => n + s.first.meta.total_results, 0);
  return { stream, expectedRows, fileName: exportFileName({ ...query, date_range: query.month ?? query.date_range }), columns };
}
