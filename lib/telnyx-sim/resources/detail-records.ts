// GET /detail_records: index ranges for time bounds, predicates for other filters, cached index lists for sorts.
import { FIELDS, TIME_FIELD, generateDetailRecord } from "../data/detail-records";
import { lowerBound, upperBound } from "../data/timeline";
import { DETAIL_TYPES, type DetailType } from "../data/world";
import { DATE_RANGES, dateRangeBounds, isDateRange } from "../date-range";
import { FILTER_OPS, buildPredicate, compareValues, detailBad, type FilterOp, type Predicate } from "../filter";
import { ERR, SimHttpError, json } from "../http";
import { pageMeta, parsePage, scalar } from "../params";
import { isObject } from "../query";
import { parseIsoDateTime } from "../time";
import { cachedIndices, listPage, type Ctx } from "./common";

const DETAIL_RECORD_TYPES = [
  "ai-voice-assistant", "amd", "call-control", "conference", "conference-participant", "embedding", "fax", "inference",
  "inference-speech-to-text", "media_storage", "media-streaming", "messaging", "noise-suppression", "recording", "sip-trunking",
  "siprec-client", "stt", "tts", "verify", "webrtc", "wireless",
] as const;


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
  if (range !== undefined && !isDateRange(range))
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
  const gen = (i: number) => generateDetailRecord(store.world, numbers, type, store.usage, tl, i);
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
