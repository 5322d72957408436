// deepObject query parsing: `page[number]=2&filter[status][eq]=failed` → { page: { number: "2" },
// filter: { status: { eq: "failed" } } }. Brackets may arrive percent-encoded (%5B %5D); a key
// repeated at the same place keeps every value (sort=a&sort=b → ["a", "b"]).

export type QueryValue = string | string[] | QueryObject;
export interface QueryObject {
  [key: string]: QueryValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]+\])*)$/;

export function parseQuery(input: string | URLSearchParams): QueryObject {
  const params = typeof input === "string" ? new URLSearchParams(input.startsWith("?") ? input.slice(1) : input) : input;
  const root: QueryObject = {};
  for (const [rawKey, value] of params) {
    const m = KEY.exec(rawKey);
    const path = m ? [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]+)\]/g)].map((x) => x[1]!)] : [rawKey];
    let node: QueryObject = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      const next = node[k];
      if (next === undefined || typeof next === "string" || Array.isArray(next)) {
        // An object wins over a scalar at the same place (filter=x&filter[a]=b keeps filter.a).
        const obj: QueryObject = {};
        node[k] = obj;
        node = obj;
      } else {
        node = next;
      }
    }
    const leaf = path[path.length - 1]!;
    const prev = node[leaf];
    if (prev === undefined) node[leaf] = value;
    else if (typeof prev === "string") node[leaf] = [prev, value];
    else if (Array.isArray(prev)) prev.push(value);
    // else: an object already lives here; a scalar does not replace it.
  }
  return root;
}

/** The flat decoded form, for request logs: { "page[number]": "2" } (last value wins). */
export function flatQuery(input: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of input) out[k] = v;
  return out;
}

export function getPath(q: QueryObject, ...path: string[]): QueryValue | undefined {
  let node: QueryValue | undefined = q;
  for (const k of path) {
    if (node === undefined || typeof node === "string" || Array.isArray(node)) return undefined;
    node = node[k];
  }
  return node;
}

export function isObject(v: QueryValue | undefined): v is QueryObject {
  return v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** The bracket name of a path: ["filter","status","eq"] → "filter[status][eq]". */
export function paramName(path: readonly string[]): string {
  return path[0] + path.slice(1).map((p) => `[${p}]`).join("");
}
