// The detail-record filter language: filter[<field>][<op>]=value on any field of a record type,
// and sort=a,-b, over the field kinds each record schema declares.
import { FIELDS, type DetailRecord } from "./data/detail-records";
import type { DetailType } from "./data/world";
import { ERR, SimHttpError } from "./http";
import { parseIsoDateTime } from "./time";

export const FILTER_OPS = ["eq", "ne", "contains", "starts_with", "ends_with", "gt", "gte", "lt", "lte"] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export type Predicate = (r: DetailRecord) => boolean;

export function detailBad(parameter: string, detail: string): SimHttpError {
  return new SimHttpError(400, [{ code: ERR.badRequest, title: "Bad Request", detail, source: { parameter } }]);
}

export function buildPredicate(type: DetailType, field: string, op: FilterOp, raw: string, name: string): Predicate {
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

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = Array.isArray(a) ? a.join(",") : String(a);
  const sb = Array.isArray(b) ? b.join(",") : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
