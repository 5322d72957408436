// What every resource handler shares: the request context, paging of index-addressed lists, the
// merge of generated and write-added items, cached filtered index lists, and body/date parsing.
import { ERR, badField, badParam } from "../http";
import { pageBounds, pageMeta, scalar, type Page } from "../params";
import type { QueryObject, QueryValue } from "../query";
import type { Store } from "../store";
import type { Timeline } from "../data/timeline";
import { parseIsoDateTime } from "../time";

export interface Ctx {
  store: Store;
  request: Request;
  url: URL;
  query: QueryObject;
  now: Date;
  /** Signs a file link: token for (invoice id, expiry in epoch seconds). */
  sign(id: string, expires: number): string;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Page of an index-addressed list: `at(k)` is the k-th item in the list's order. */
export function listPage<T>(total: number, page: Page, at: (k: number) => T): { data: T[]; meta: ReturnType<typeof pageMeta> } {
  const [start, end] = pageBounds(total, page);
  const data: T[] = [];
  for (let k = start; k < end; k++) data.push(at(k));
  return { data, meta: pageMeta(total, page) };
}

/** Items at positions [start, end) of generated indices [lo, hi) merged by time with extra items. */
export function mergedSlice<E>(
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

export function cachedIndices(store: Store, key: string, build: () => Int32Array): Int32Array {
  const hit = store.listCache.get(key);
  if (hit) return hit;
  const list = build();
  store.listCache.set(key, list);
  return list;
}

export function dateTimeParam(v: QueryValue | undefined, path: readonly string[], status: number): number | undefined {
  const raw = scalar(v, path, status);
  if (raw === undefined) return undefined;
  const d = parseIsoDateTime(raw.trim());
  const name = path[0] + path.slice(1).map((p) => `[${p}]`).join("");
  if (!d) throw badParam(status, name, `${name} must be an ISO 8601 date-time such as 2021-01-01T00:00:00Z.`);
  return d.getTime();
}


export async function jsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") throw badField("/", "The request body must be a JSON object.", ERR.badRequest, "Invalid request body");
  try {
    return JSON.parse(text);
  } catch {
    throw badField("/", "The request body is not valid JSON.", ERR.badRequest, "Invalid request body");
  }
}
