// Reading and validating query parameters the way the contract declares them.
import { badParam } from "./http";
import { isObject, paramName, type QueryObject, type QueryValue } from "./query";

export interface Page {
  number: number;
  size: number;
}

/** One value for a scalar parameter (the last if repeated); an object there is an error. */
export function scalar(v: QueryValue | undefined, path: readonly string[], status: number): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v[v.length - 1];
  throw badParam(status, paramName(path), `${paramName(path)} must be a single value.`);
}

/** An object parameter (deepObject); a scalar there is an error. */
export function objectParam(q: QueryObject, key: string, status: number): QueryObject | undefined {
  const v = q[key];
  if (v === undefined) return undefined;
  if (isObject(v)) return v;
  throw badParam(status, key, `${key} must be given in deepObject form, e.g. ${key}[name]=value.`);
}

function positiveInt(raw: string | undefined, name: string, status: number, fallback: number, max?: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) throw badParam(status, name, `${name} must be an integer.`);
  const n = Number(raw.trim());
  if (n < 1) throw badParam(status, name, `${name} must be greater than or equal to 1.`);
  if (max !== undefined && n > max) throw badParam(status, name, `${name} must be less than or equal to ${max}.`);
  return n;
}

/** page[number] (≥ 1, default 1) and page[size] (1..max, default 20). */
export function parsePage(q: QueryObject, status: number, max: number): Page {
  const page = objectParam(q, "page", status);
  return {
    number: positiveInt(scalar(page?.number, ["page", "number"], status), "page[number]", status, 1),
    size: positiveInt(scalar(page?.size, ["page", "size"], status), "page[size]", status, 20, max),
  };
}

export interface PageMeta {
  page_number: number;
  page_size: number;
  total_pages: number;
  total_results: number;
}

export function pageMeta(total: number, page: Page): PageMeta {
  return { page_number: page.number, page_size: page.size, total_pages: Math.ceil(total / page.size), total_results: total };
}

/** The [start, end) offsets of a page within `total` items. */
export function pageBounds(total: number, page: Page): [number, number] {
  const start = Math.min(total, (page.number - 1) * page.size);
  return [start, Math.min(total, start + page.size)];
}

export function enumParam<T extends string>(raw: string | undefined, allowed: readonly T[], name: string, status: number): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw badParam(status, name, `${name} must be one of: ${allowed.join(", ")}.`);
  return raw as T;
}
