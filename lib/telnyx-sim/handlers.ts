// One function per contract operation. Handlers throw SimHttpError for 4xx; the router renders it
// in the operation's error shape.
import { randomUUID } from "node:crypto";
import { generateAuditEvent, type AuditChange, type AuditEvent } from "./data/audit";
import { computeBreakdown, computeSummary, type SummaryData } from "./data/charges";
import { FIELDS, RECORD_TYPE_VALUE, TIME_FIELD, generateDetailRecord, type DetailRecord } from "./data/detail-records";
import { lowerBound, upperBound, type Timeline } from "./data/timeline";
import { deliveryEventType, deliveryStatus, generateDelivery } from "./data/webhooks";
import { DETAIL_TYPES, type DetailType } from "./data/world";
import { ERR, SimHttpError, badField, badParam, json, missingParam, notFound } from "./http";
import { formatCents, parseLooseAmount, parseStrictAmount } from "./money";
import { enumParam, objectParam, pageBounds, pageMeta, parsePage, scalar, type Page } from "./params";
import { isObject, type QueryObject, type QueryValue } from "./query";
import type { Store } from "./store";
import { DAY, MINUTE, addUtcDays, addUtcMonths, isoDate, isoDateTime, parseIsoDate, parseIsoDateTime, startOfUtcDay, startOfUtcMonth } from "./time";

export interface Ctx {
  store: Store;
  request: Request;
  url: URL;
  query: QueryObject;
  now: Date;
  /** Signs a file link: token for (invoice id, expiry in epoch seconds). */
  sign(id: string, expires: number): string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------
// Paging helpers

/** Page of an index-addressed list: `at(k)` is the k-th item in the list's order. */
function listPage<T>(total: number, page: Page, at: (k: number) => T): { data: T[]; meta: ReturnType<typeof pageMeta> } {
  const [start, end] = pageBounds(total, page);
  const data: T[] = [];
  for (let k = start; k < end; k++) data.push(at(k));
  return { data, meta: pageMeta(total, page) };
}

/** Items at positions [start, end) of generated indices [lo, hi) merged by time with extra items. */
function mergedSlice<E>(
  tl: Timeline,
  lo: number,
  hi: number,
  extras: readonly E[],
  extraTs: (e: E) => number,
  desc: boolean,
  start: number,
  end: number,
): Array<{ gen: number } | { extra: E }> {
  const out: Array<{ gen: number } | { extra: E }> = [];
  if (extras.length === 0) {
    for (let k = start; k < Math.min(end, hi - lo); k++) out.push({ gen: desc ? hi - 1 - k : lo + k });
    return out;
  }
  let i = desc ? hi - 1 : lo;
  let j = desc ? extras.length - 1 : 0;
  for (let pos = 0; pos < end; pos++) {
    const genLeft = desc ? i >= lo : i < hi;
    const extraLeft = desc ? j >= 0 : j < extras.length;
    if (!genLeft && !extraLeft) break;
    let takeGen: boolean;
    if (!extraLeft) takeGen = true;
    else if (!genLeft) takeGen = false;
    else {
      const g = tl.ts(i);
      const x = extraTs(extras[j]!);
      takeGen = desc ? g > x : g <= x;
    }
    if (takeGen) {
      if (pos >= start) out.push({ gen: i });
      i += desc ? -1 : 1;
    } else {
      if (pos >= start) out.push({ extra: extras[j]! });
      j += desc ? -1 : 1;
    }
  }
  return out;
}

function cachedIndices(store: Store, key: string, build: () => Int32Array): Int32Array {
  const hit = store.listCache.get(key);
  if (hit) return hit;
  const list = build();
  store.listCache.set(key, list);
  return list;
}

function dateTimeParam(v: QueryValue | undefined, path: readonly string[], status: number): number | undefined {
  const raw = scalar(v, path, status);
  if (raw === undefined) return undefined;
  const d = parseIsoDateTime(raw.trim());
  const name = path[0] + path.slice(1).map((p) => `[${p}]`).join("");
  if (!d) throw badParam(status, name, `${name} must be an ISO 8601 date-time such as 2021-01-01T00:00:00Z.`);
  return d.getTime();
}

// ---------------------------------------------------------------------------------------------
// GET /audit_events

export function listAuditEvents(ctx: Ctx): Response {
  const { store, query, now } = ctx;
  const page = parsePage(query, 422, 250);
  const sort = enumParam(scalar(query.sort, ["sort"], 422), ["asc", "desc"] as const, "sort", 422) ?? "desc";
  const filter = objectParam(query, "filter", 422);
  const after = dateTimeParam(filter?.created_after, ["filter", "created_after"], 422);
  const before = dateTimeParam(filter?.created_before, ["filter", "created_before"], 422);
  const tl = store.auditTl;
  const lo = after === undefined ? 0 : upperBound(tl, after);
  let hi = upperBound(tl, now.getTime());
  if (before !== undefined) hi = Math.min(hi, lowerBound(tl, before));
  const extras = store.extraAudit.filter((e) => {
    const t = Date.parse(e.created_at);
    return t <= now.getTime() && (after === undefined || t > after) && (before === undefined || t < before);
  });
  const total = Math.max(0, hi - lo) + extras.length;
  const [start, end] = pageBounds(total, page);
  const slice = mergedSlice(tl, lo, Math.max(lo, hi), extras, (e) => Date.parse(e.created_at), sort === "desc", start, end);
  const numbers = store.numbers;
  const data = slice.map((s) => ("gen" in s ? generateAuditEvent(store.world, numbers, tl, s.gen) : s.extra));
  return json(200, { data, meta: pageMeta(total, page) });
}

export function addAuditEvent(store: Store, now: Date, e: Omit<AuditEvent, "id" | "organization_id" | "created_at">): void {
  store.extraAudit.push({ id: randomUUID(), organization_id: store.world.profile.organizationId, created_at: isoDateTime(now), ...e });
  store.extraAudit.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

// ---------------------------------------------------------------------------------------------
// GET /balance

export function getBalance(ctx: Ctx): Response {
  const s = ctx.store;
  return json(200, {
    data: {
      record_type: "balance",
      pending: formatCents(s.pendingCents),
      balance: formatCents(s.balanceCents),
      credit_limit: formatCents(s.creditLimitCents),
      available_credit: formatCents(s.balanceCents + s.creditLimitCents),
      currency: "USD",
    },
  });
}

// ---------------------------------------------------------------------------------------------
// GET /charges_summary, GET /charges_breakdown

function chargesRange(ctx: Ctx, endRequired: boolean): { start: Date; end: Date } {
  const q = ctx.query;
  const rawStart = scalar(q.start_date, ["start_date"], 400);
  const rawEnd = scalar(q.end_date, ["end_date"], 400);
  if (rawStart === undefined || rawStart === "") throw missingParam(400, "start_date", "start_date is required (YYYY-MM-DD).");
  const start = parseIsoDate(rawStart);
  if (!start) throw badParam(400, "start_date", "start_date must be a valid date in the format YYYY-MM-DD.");
  let end: Date | null;
  if (rawEnd === undefined || rawEnd === "") {
    if (endRequired) throw missingParam(400, "end_date", "end_date is required (YYYY-MM-DD).");
    end = addUtcMonths(start, 1);
  } else {
    end = parseIsoDate(rawEnd);
    if (!end) throw badParam(400, "end_date", "end_date must be a valid date in the format YYYY-MM-DD.");
  }
  if (end.getTime() <= start.getTime()) throw badParam(400, "end_date", "end_date must be after start_date (the end date is exclusive).");
  if (end.getTime() - start.getTime() > 31 * DAY) throw badParam(400, "end_date", "The date range cannot exceed 31 days.");
  return { start, end };
}

function summaryFor(store: Store, start: Date, end: Date, now: Date): SummaryData {
  const key = `${isoDate(start)}|${isoDate(end)}|${isoDate(now)}`;
  const hit = store.summaryCache.get(key) as SummaryData | undefined;
  if (hit) return hit;
  const s = computeSummary(store.world, store.numbers, store.adjustments, { start, end, now });
  store.summaryCache.set(key, s);
  return s;
}

export function getChargesSummary(ctx: Ctx): Response {
  const { start, end } = chargesRange(ctx, true);
  const s = summaryFor(ctx.store, start, end, ctx.now);
  const p = ctx.store.world.profile;
  return json(200, {
    data: {
      user_id: p.userId,
      start_date: isoDate(start),
      end_date: isoDate(end),
      user_email: p.email,
      currency: "USD",
      summary: { lines: s.lines, adjustments: s.adjustments },
      total: s.total,
    },
  });
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function getChargesBreakdown(ctx: Ctx): Response {
  const format = enumParam(scalar(ctx.query.format, ["format"], 400), ["json", "csv"] as const, "format", 400) ?? "json";
  const { start, end } = chargesRange(ctx, false);
  const rows = computeBreakdown(ctx.store.numbers, { start, end, now: ctx.now });
  const p = ctx.store.world.profile;
  if (format === "csv") {
    const lines = ["tn,charge_type,service_owner_user_id,service_owner_email,cost_type,service_name,cost"];
    for (const r of rows)
      for (const s of r.services) lines.push([r.tn, r.charge_type, r.service_owner_user_id, r.service_owner_email, s.cost_type, s.name, s.cost].map(csvCell).join(","));
    return new Response(lines.join("\r\n") + "\r\n", { status: 200, headers: { "content-type": "text/csv; charset=utf-8", "x-request-id": randomUUID() } });
  }
  return json(200, {
    data: { user_id: p.userId, start_date: isoDate(start), end_date: isoDate(end), user_email: p.email, currency: "USD", results: rows },
  });
}

// ---------------------------------------------------------------------------------------------
// GET /detail_records

export const DETAIL_RECORD_TYPES = [
  "ai-voice-assistant", "amd", "call-control", "conference", "conference-participant", "embedding", "fax", "inference",
  "inference-speech-to-text", "media_storage", "media-streaming", "messaging", "noise-suppression", "recording", "sip-trunking",
  "siprec-client", "stt", "tts", "verify", "webrtc", "wireless",
] as const;

const DATE_RANGES = ["yesterday", "today", "tomorrow", "last_week", "this_week", "next_week", "last_month", "this_month", "next_month"] as const;
const FILTER_OPS = ["eq", "ne", "contains", "starts_with", "ends_with", "gt", "gte", "lt", "lte"] as const;
type FilterOp = (typeof FILTER_OPS)[number];

function dateRangeBounds(range: string, now: Date): [number, number] {
  const today = startOfUtcDay(now);
  const dow = (today.getUTCDay() + 6) % 7; // Monday = 0
  const monday = addUtcDays(today, -dow);
  const month = startOfUtcMonth(now);
  const last = /^last_(\d{1,4})_days$/.exec(range);
  if (last) return [now.getTime() - Number(last[1]) * DAY, now.getTime() + 1];
  switch (range) {
    case "yesterday":
      return [addUtcDays(today, -1).getTime(), today.getTime()];
    case "today":
      return [today.getTime(), addUtcDays(today, 1).getTime()];
    case "tomorrow":
      return [addUtcDays(today, 1).getTime(), addUtcDays(today, 2).getTime()];
    case "last_week":
      return [addUtcDays(monday, -7).getTime(), monday.getTime()];
    case "this_week":
      return [monday.getTime(), addUtcDays(monday, 7).getTime()];
    case "next_week":
      return [addUtcDays(monday, 7).getTime(), addUtcDays(monday, 14).getTime()];
    case "last_month":
      return [addUtcMonths(month, -1).getTime(), month.getTime()];
    case "this_month":
      return [month.getTime(), addUtcMonths(month, 1).getTime()];
    default: // next_month
      return [addUtcMonths(month, 1).getTime(), addUtcMonths(month, 2).getTime()];
  }
}

type Predicate = (r: DetailRecord) => boolean;

function detailBad(parameter: string, detail: string): SimHttpError {
  return new SimHttpError(400, [{ code: ERR.badRequest, title: "Bad Request", detail, source: { parameter } }]);
}

function buildPredicate(type: DetailType, field: string, op: FilterOp, raw: string, name: string): Predicate {
  const kind = FIELDS[type][field]!;
  const lc = raw.toLowerCase();
  if (kind === "string" || kind === "array") {
    const test = (s: string): boolean => {
      switch (op) {
        case "eq":
          return s === raw;
        case "ne":
          return s !== raw;
        case "contains":
          return s.toLowerCase().includes(lc);
        case "starts_with":
          return s.toLowerCase().startsWith(lc);
        case "ends_with":
          return s.toLowerCase().endsWith(lc);
        case "gt":
          return s > raw;
        case "gte":
          return s >= raw;
        case "lt":
          return s < raw;
        default:
          return s <= raw;
      }
    };
    if (kind === "array") {
      if (op === "ne") return (r) => !((r[field] as string[] | undefined) ?? []).some((s) => s === raw);
      return (r) => ((r[field] as string[] | undefined) ?? []).some(test);
    }
    return (r) => typeof r[field] === "string" && test(r[field] as string);
  }
  if (op === "contains" || op === "starts_with" || op === "ends_with") throw detailBad(name, `${name}: ${op} only applies to text fields.`);
  let v: number;
  if (kind === "boolean") {
    if (raw !== "true" && raw !== "false") throw detailBad(name, `${name} must be true or false.`);
    v = raw === "true" ? 1 : 0;
  } else if (kind === "date-time") {
    const d = parseIsoDateTime(raw);
    if (!d) throw detailBad(name, `${name} must be an ISO 8601 date or date-time.`);
    v = d.getTime();
  } else {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) throw detailBad(name, `${name} must be a number.`);
    v = Number(raw);
  }
  const get = (r: DetailRecord): number | undefined => {
    const x = r[field];
    if (x === undefined || x === null) return undefined;
    if (kind === "boolean") return x ? 1 : 0;
    if (kind === "date-time") return Date.parse(x as string);
    return x as number;
  };
  return (r) => {
    const x = get(r);
    if (x === undefined) return op === "ne";
    switch (op) {
      case "eq":
        return x === v;
      case "ne":
        return x !== v;
      case "gt":
        return x > v;
      case "gte":
        return x >= v;
      case "lt":
        return x < v;
      default:
        return x <= v;
    }
  };
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = Array.isArray(a) ? a.join(",") : String(a);
  const sb = Array.isArray(b) ? b.join(",") : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function searchDetailRecords(ctx: Ctx): Response {
  const { store, query, now } = ctx;
  const filter = query.filter;
  if (filter === undefined || !isObject(filter) || filter.record_type === undefined)
    throw new SimHttpError(400, [{ code: ERR.badRequest, title: "Bad Request", detail: "filter[record_type] must be specified.", source: { parameter: "filter[record_type]" } }]);
  const rt = scalar(filter.record_type, ["filter", "record_type"], 400)!;
  if (!(DETAIL_RECORD_TYPES as readonly string[]).includes(rt))
    throw new SimHttpError(400, [
      // The contract's own example for this case.
      { code: "10011", title: "Bad Request", detail: `No matching record type was found matching given record type ${rt}`, source: { parameter: "filter[record_type]" } },
    ]);
  const page = parsePage(query, 400, 50);
  const range = scalar(filter.date_range, ["filter", "date_range"], 400);
  if (range !== undefined && !(DATE_RANGES as readonly string[]).includes(range) && !/^last_([1-9]\d{0,3})_days$/.test(range))
    throw detailBad("filter[date_range]", `filter[date_range] must be one of ${DATE_RANGES.join(", ")} or last_N_days.`);

  if (!(DETAIL_TYPES as readonly string[]).includes(rt)) {
    // Record types whose schema the contract does not publish: this account has no such usage.
    return json(200, { data: [], meta: pageMeta(0, page) });
  }
  const type = rt as DetailType;
  const timeField = TIME_FIELD[type];
  const tl = store.detailTl(type);
  let lo = 0;
  let hi = upperBound(tl, now.getTime());
  if (range !== undefined) {
    const [from, to] = dateRangeBounds(range, now);
    lo = Math.max(lo, lowerBound(tl, from));
    hi = Math.min(hi, lowerBound(tl, to));
  }

  // Attribute filters: on the time field they narrow the index range; others test each record.
  const predicates: Predicate[] = [];
  const keyParts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === "record_type" || key === "date_range") continue;
    const field = key === "created_at" ? timeField : key;
    if (!(field in FIELDS[type])) throw detailBad(`filter[${key}]`, `Unknown filter field ${key} for record type ${rt}.`);
    const conds: Array<[FilterOp, string, string]> = [];
    if (typeof value === "string" || Array.isArray(value)) conds.push(["eq", scalar(value, ["filter", key], 400)!, `filter[${key}]`]);
    else
      for (const [op, v] of Object.entries(value)) {
        if (!(FILTER_OPS as readonly string[]).includes(op)) throw detailBad(`filter[${key}][${op}]`, `Unknown filter operator ${op}; use one of ${FILTER_OPS.join(", ")}.`);
        conds.push([op as FilterOp, scalar(v, ["filter", key, op], 400)!, `filter[${key}][${op}]`]);
      }
    for (const [op, raw, name] of conds) {
      if (field === timeField && op !== "ne") {
        const d = parseIsoDateTime(raw);
        if (!d) throw detailBad(name, `${name} must be an ISO 8601 date or date-time.`);
        const t = d.getTime();
        if (op === "gte") lo = Math.max(lo, lowerBound(tl, t));
        else if (op === "gt") lo = Math.max(lo, upperBound(tl, t));
        else if (op === "lt") hi = Math.min(hi, lowerBound(tl, t));
        else if (op === "lte") hi = Math.min(hi, upperBound(tl, t));
        else if (op === "eq") {
          lo = Math.max(lo, lowerBound(tl, t));
          hi = Math.min(hi, upperBound(tl, t));
        } else throw detailBad(name, `${name}: ${op} does not apply to a date-time field.`);
        continue;
      }
      predicates.push(buildPredicate(type, field, op, raw, name));
      keyParts.push(`${field}|${op}|${raw}`);
    }
  }

  // Sort: a list of fields, "-" for descending; default newest first.
  const rawSort = query.sort;
  if (rawSort !== undefined && isObject(rawSort)) throw detailBad("sort", "sort must be a list of field names.");
  const sortItems = (rawSort === undefined ? [] : Array.isArray(rawSort) ? rawSort : [rawSort])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const sorts = sortItems.map((s) => {
    const desc = s.startsWith("-");
    const name = desc ? s.slice(1) : s;
    const field = name === "created_at" ? timeField : name;
    if (!(field in FIELDS[type])) throw detailBad("sort", `Cannot sort ${rt} records by ${name}.`);
    return { field, desc };
  });
  if (sorts.length === 0) sorts.push({ field: timeField, desc: true });

  hi = Math.max(lo, hi);
  const numbers = store.numbers;
  const gen = (i: number) => generateDetailRecord(store.world, numbers, type, tl, i);
  const byTimeOnly = sorts.length === 1 && sorts[0]!.field === timeField;
  if (predicates.length === 0 && byTimeOnly) {
    const desc = sorts[0]!.desc;
    return json(200, listPage(hi - lo, page, (k) => gen(desc ? hi - 1 - k : lo + k)));
  }
  const key = `cdr|${type}|${lo}|${hi}|${keyParts.join("&")}|${sorts.map((s) => (s.desc ? "-" : "") + s.field).join(",")}`;
  const list = cachedIndices(store, key, () => {
    const idx: number[] = [];
    // Only the sort keys are kept, not whole records (100k records would be a lot of memory).
    const keys: unknown[][] = [];
    for (let i = lo; i < hi; i++) {
      const r = gen(i);
      if (predicates.every((p) => p(r))) {
        idx.push(i);
        if (!byTimeOnly) keys.push(sorts.map((s) => r[s.field]));
      }
    }
    if (byTimeOnly) {
      if (sorts[0]!.desc) idx.reverse();
      return Int32Array.from(idx);
    }
    const order = idx.map((_, k) => k);
    order.sort((a, b) => {
      for (let n = 0; n < sorts.length; n++) {
        const s = sorts[n]!;
        const c = s.field === timeField ? idx[a]! - idx[b]! : compareValues(keys[a]![n], keys[b]![n]);
        if (c !== 0) return s.desc ? -c : c;
      }
      return idx[b]! - idx[a]!;
    });
    return Int32Array.from(order.map((k) => idx[k]!));
  });
  return json(200, listPage(list.length, page, (k) => gen(list[k]!)));
}

// ---------------------------------------------------------------------------------------------
// GET /invoices, GET /invoices/{id}

function invoiceJson(ctx: Ctx, inv: Store["invoices"][number]): Record<string, unknown> {
  return {
    invoice_id: inv.id,
    file_id: inv.fileId,
    period_start: isoDate(inv.periodStart),
    period_end: isoDate(inv.periodEnd),
    paid: inv.paid,
    url: `${ctx.url.origin}/v2/invoices/${inv.id}`,
  };
}

export function listInvoices(ctx: Ctx): Response {
  const page = parsePage(ctx.query, 422, 250);
  const sort = enumParam(scalar(ctx.query.sort, ["sort"], 422), ["period_start", "-period_start"] as const, "sort", 422) ?? "-period_start";
  const all = ctx.store.invoices; // newest first
  return json(200, listPage(all.length, page, (k) => invoiceJson(ctx, all[sort === "-period_start" ? k : all.length - 1 - k]!)));
}

export const FILE_LINK_TTL_SECONDS = 600;

export function getInvoice(ctx: Ctx, id: string): Response {
  const action = enumParam(scalar(ctx.query.action, ["action"], 400), ["json", "link"] as const, "action", 400) ?? "json";
  if (!UUID_RE.test(id)) throw new SimHttpError(400, [{ code: ERR.invalidId, title: "Invalid ID", detail: "The invoice id must be a UUID.", source: { parameter: "id" } }]);
  const inv = ctx.store.invoices.find((x) => x.id === id.toLowerCase());
  if (!inv) throw notFound("Invoice not found.");
  const data = invoiceJson(ctx, inv);
  if (action === "link") {
    const expires = Math.floor(ctx.now.getTime() / 1000) + FILE_LINK_TTL_SECONDS;
    data.download_url = `${ctx.url.origin}/files/invoices/${inv.id}.pdf?expires=${expires}&token=${ctx.sign(inv.id, expires)}`;
  }
  return json(200, { data });
}

/** GET /files/invoices/{id}.pdf?expires&token: what a download_url points at. */
export async function getInvoiceFile(ctx: Ctx, id: string): Promise<Response> {
  const expires = Number(ctx.url.searchParams.get("expires"));
  const token = ctx.url.searchParams.get("token") ?? "";
  const forbidden = (msg: string) => new Response(msg, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!Number.isInteger(expires) || token !== ctx.sign(id.toLowerCase(), expires)) return forbidden("Invalid or missing signature.");
  if (expires * 1000 < ctx.now.getTime()) return forbidden("Request has expired.");
  const inv = ctx.store.invoices.find((x) => x.id === id.toLowerCase());
  if (!inv) return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  let pdf = ctx.store.pdfCache.get(inv.id);
  if (!pdf) {
    const p = ctx.store.world.profile;
    const summary = computeSummary(ctx.store.world, ctx.store.numbers, ctx.store.adjustments, {
      start: inv.periodStart,
      end: addUtcDays(inv.periodEnd, 1),
      now: ctx.now,
    });
    // pdf-lib loads on the first download, not at start.
    const { renderInvoicePdf } = await import("./pdf");
    pdf = await renderInvoicePdf({
      number: inv.number,
      invoiceId: inv.id,
      company: p.company,
      email: p.email,
      periodStart: isoDate(inv.periodStart),
      periodEnd: isoDate(inv.periodEnd),
      issuedAt: addUtcDays(inv.periodEnd, 1),
      paid: inv.paid,
      summary,
    });
    ctx.store.pdfCache.set(inv.id, pdf);
  }
  return new Response(pdf.slice(), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.byteLength),
      "content-disposition": `attachment; filename="${inv.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}

// ---------------------------------------------------------------------------------------------
// GET/PATCH /payment/auto_recharge_prefs

function prefsJson(store: Store): Record<string, unknown> {
  const a = store.autoRecharge;
  return {
    id: a.id,
    record_type: "auto_recharge_pref",
    threshold_amount: formatCents(a.thresholdCents),
    recharge_amount: formatCents(a.rechargeCents),
    enabled: a.enabled,
    invoice_enabled: a.invoiceEnabled,
    preference: a.preference,
  };
}

export function getAutoRecharge(ctx: Ctx): Response {
  return json(200, { data: prefsJson(ctx.store) });
}

async function jsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") throw badField("/", "The request body must be a JSON object.", ERR.badRequest, "Invalid request body");
  try {
    return JSON.parse(text);
  } catch {
    throw badField("/", "The request body is not valid JSON.", ERR.badRequest, "Invalid request body");
  }
}

export async function updateAutoRecharge(ctx: Ctx): Promise<Response> {
  const body = await jsonBody(ctx.request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badField("/", "The request body must be a JSON object.");
  const b = body as Record<string, unknown>;
  const next = { ...ctx.store.autoRecharge };
  if ("threshold_amount" in b) {
    const c = parseLooseAmount(b.threshold_amount);
    if (c === null) throw badField("/threshold_amount", 'threshold_amount must be a decimal string such as "104.00".');
    next.thresholdCents = c;
  }
  if ("recharge_amount" in b) {
    const c = parseLooseAmount(b.recharge_amount);
    if (c === null) throw badField("/recharge_amount", 'recharge_amount must be a decimal string such as "104.00".');
    if (c === 0) throw badField("/recharge_amount", "recharge_amount must be greater than 0.00.");
    next.rechargeCents = c;
  }
  for (const k of ["enabled", "invoice_enabled"] as const) {
    if (k in b && typeof b[k] !== "boolean") throw badField(`/${k}`, `${k} must be a boolean.`);
  }
  if (typeof b.enabled === "boolean") next.enabled = b.enabled;
  if (typeof b.invoice_enabled === "boolean") next.invoiceEnabled = b.invoice_enabled;
  if ("preference" in b) {
    if (b.preference !== "credit_paypal" && b.preference !== "ach") throw badField("/preference", "preference must be one of: credit_paypal, ach.");
    next.preference = b.preference;
  }
  const prev = prefsJson(ctx.store);
  ctx.store.autoRecharge = next;
  const cur = prefsJson(ctx.store);
  const changes: AuditChange[] = [];
  for (const k of ["threshold_amount", "recharge_amount", "enabled", "invoice_enabled", "preference"]) {
    if (prev[k] !== cur[k]) changes.push({ field: k, from: prev[k], to: cur[k] });
  }
  if (changes.length > 0) {
    addAuditEvent(ctx.store, ctx.now, {
      user_id: ctx.store.world.profile.userId,
      record_type: "auto_recharge_pref",
      resource_id: next.id,
      alternate_resource_id: null,
      change_made_by: "account_owner",
      changes,
      change_type: "update",
    });
  }
  return json(200, { data: cur });
}

// ---------------------------------------------------------------------------------------------
// GET /user_tags

export function listUserTags(ctx: Ctx): Response {
  // The contract lists only 200 and 401 here, so a malformed filter is ignored rather than refused.
  const filter = isObject(ctx.query.filter) ? ctx.query.filter : undefined;
  const raw = filter?.starts_with;
  const prefix = (typeof raw === "string" ? raw : Array.isArray(raw) ? raw[raw.length - 1] : undefined)?.toLowerCase();
  const keep = (tags: string[]) => (prefix ? tags.filter((t) => t.toLowerCase().startsWith(prefix)) : [...tags]);
  const t = ctx.store.tags;
  return json(200, { data: { outbound_profile_tags: keep(t.outbound_profile_tags), number_tags: keep(t.number_tags) } });
}

// ---------------------------------------------------------------------------------------------
// POST /v2/payment/stored_payment_transactions

export async function createStoredPayment(ctx: Ctx): Promise<Response> {
  const body = await jsonBody(ctx.request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badField("/", "The request body must be a JSON object.");
  const amount = (body as Record<string, unknown>).amount;
  if (amount === undefined) throw badField("/", "amount is required.", ERR.missing, "Missing required parameter");
  const cents = parseStrictAmount(amount);
  const amountError = (detail: string) =>
    new SimHttpError(422, [{ code: ERR.amount, title: "Invalid amount format", detail, source: { pointer: "/" } }]);
  if (cents === null) throw amountError('Amount must include dollars and cents (e.g. "120.00").');
  if (cents <= 0) throw amountError("Amount must be greater than 0.00.");

  const store = ctx.store;
  const idem = ctx.request.headers.get("idempotency-key");
  const bodyKey = String(cents);
  if (idem) {
    const prev = store.transactions.get(idem);
    if (prev) {
      if (prev.bodyKey !== bodyKey)
        throw new SimHttpError(422, [{ code: "10012", title: "Duplicate resource", detail: "This Idempotency-Key was already used with a different amount.", source: { pointer: "/" } }]);
      return json(200, { data: transactionJson(prev) });
    }
  }
  const tx = { id: randomUUID(), amountCents: cents, createdAt: isoDateTime(ctx.now), bodyKey };
  if (idem) store.transactions.set(idem, tx);
  const before = store.balanceCents;
  store.balanceCents += cents;
  addAuditEvent(store, ctx.now, {
    user_id: store.world.profile.userId,
    record_type: "payment",
    resource_id: tx.id,
    alternate_resource_id: null,
    change_made_by: "account_owner",
    changes: [
      { field: "amount", from: null, to: formatCents(cents) },
      { field: "balance", from: formatCents(before), to: formatCents(store.balanceCents) },
    ],
    change_type: "create",
  });
  return json(200, { data: transactionJson(tx) });
}

function transactionJson(tx: { id: string; amountCents: number; createdAt: string }): Record<string, unknown> {
  return {
    id: tx.id,
    record_type: "transaction",
    amount_cents: tx.amountCents,
    processor_status: "submitted_for_settlement",
    amount_currency: "USD",
    created_at: tx.createdAt,
    auto_recharge: false,
    transaction_processing_type: "stored_payment",
  };
}

// ---------------------------------------------------------------------------------------------
// GET /webhook_deliveries, GET /webhook_deliveries/{id}

/** A delivery shows once it has finished: its retries take at most about five minutes. */
const DELIVERY_SETTLE_MS = 5 * MINUTE;

export function listWebhookDeliveries(ctx: Ctx): Response {
  const { store, query, now } = ctx;
  const page = parsePage(query, 422, 250);
  const filter = objectParam(query, "filter", 422) ?? {};
  const sub = (key: string): QueryObject | undefined => {
    const v = filter[key];
    if (v === undefined) return undefined;
    if (!isObject(v)) throw badParam(422, `filter[${key}]`, `filter[${key}] must be given as filter[${key}][operator]=value.`);
    return v;
  };
  const status = enumParam(scalar(sub("status")?.eq, ["filter", "status", "eq"], 422), ["delivered", "failed"] as const, "filter[status][eq]", 422);
  const eventTypes = scalar(filter.event_type, ["filter", "event_type"], 422)
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const webhookContains = scalar(sub("webhook")?.contains, ["filter", "webhook", "contains"], 422);
  const attemptsContains = scalar(sub("attempts")?.contains, ["filter", "attempts", "contains"], 422);
  const started = sub("started_at");
  const finished = sub("finished_at");
  const sGte = dateTimeParam(started?.gte, ["filter", "started_at", "gte"], 422);
  const sLte = dateTimeParam(started?.lte, ["filter", "started_at", "lte"], 422);
  const fGte = dateTimeParam(finished?.gte, ["filter", "finished_at", "gte"], 422);
  const fLte = dateTimeParam(finished?.lte, ["filter", "finished_at", "lte"], 422);

  const tl = store.webhookTl;
  let lo = sGte === undefined ? 0 : lowerBound(tl, sGte);
  let hi = upperBound(tl, now.getTime() - DELIVERY_SETTLE_MS);
  if (sLte !== undefined) hi = Math.min(hi, upperBound(tl, sLte));
  if (fGte !== undefined) lo = Math.max(lo, lowerBound(tl, fGte - DELIVERY_SETTLE_MS));
  if (fLte !== undefined) hi = Math.min(hi, upperBound(tl, fLte));
  hi = Math.max(lo, hi);
  const numbers = store.numbers;
  const gen = (i: number) => generateDelivery(store.world, numbers, tl, i);
  const needsScan = status !== undefined || (eventTypes && eventTypes.length > 0) || webhookContains !== undefined || attemptsContains !== undefined || fGte !== undefined || fLte !== undefined;
  if (!needsScan) return json(200, listPage(hi - lo, page, (k) => gen(hi - 1 - k)));
  const key = JSON.stringify(["wh", lo, hi, status, eventTypes, webhookContains, attemptsContains, fGte, fLte]);
  const list = cachedIndices(store, key, () => {
    const out: number[] = [];
    const full = webhookContains !== undefined || attemptsContains !== undefined || fGte !== undefined || fLte !== undefined;
    for (let i = hi - 1; i >= lo; i--) {
      if (status !== undefined && deliveryStatus(store.world, i) !== status) continue;
      if (eventTypes && eventTypes.length > 0 && !eventTypes.includes(deliveryEventType(store.world, i))) continue;
      if (full) {
        const d = gen(i);
        if (webhookContains !== undefined && !JSON.stringify(d.webhook).includes(webhookContains)) continue;
        if (attemptsContains !== undefined && !JSON.stringify(d.attempts).includes(attemptsContains)) continue;
        const f = Date.parse(d.finished_at);
        if (fGte !== undefined && f < fGte) continue;
        if (fLte !== undefined && f > fLte) continue;
      }
      out.push(i);
    }
    return Int32Array.from(out);
  });
  return json(200, listPage(list.length, page, (k) => gen(list[k]!)));
}

export function getWebhookDelivery(ctx: Ctx, id: string): Response {
  const { store, now } = ctx;
  const i = UUID_RE.test(id) ? store.webhookIndex(id) : undefined;
  if (i === undefined || store.webhookTl.ts(i) > now.getTime() - DELIVERY_SETTLE_MS) throw notFound("WebhookDelivery not found.");
  return json(200, { data: generateDelivery(store.world, store.numbers, store.webhookTl, i) });
}

export { RECORD_TYPE_VALUE };
