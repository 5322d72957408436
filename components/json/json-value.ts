// Pure helpers for showing arbitrary JSON (audit changes, webhook payloads): its type, a short
// summary, and a structural diff between two values.

export type JsonType = "string" | "number" | "boolean" | "null" | "object" | "array" | "undefined";
export type JsonPath = (string | number)[];

export function jsonType(value: unknown): JsonType {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "string" || t === "number" || t === "boolean") return t;
  return "object";
}

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  const t = jsonType(value);
  return t === "object" || t === "array";
}

/** "{3 keys}", "[5 items]", or the value as JSON text. */
export function summarize(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? "item" : "items"}]`;
  if (isContainer(value)) {
    const n = Object.keys(value).length;
    return `{${n} ${n === 1 ? "key" : "keys"}}`;
  }
  return formatScalar(value);
}

/** A scalar as JSON would write it (strings quoted); undefined as "(absent)". */
export function formatScalar(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

export function formatPath(path: JsonPath): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? (i === 0 ? p : `.${p}`) : `[${JSON.stringify(p)}]`))
    .join("");
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = jsonType(a);
  if (ta !== jsonType(b)) return false;
  if (ta === "array") {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (ta === "object") {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && deepEqual(x[k], y[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

export type DiffEntry =
  | { kind: "changed"; path: JsonPath; from: unknown; to: unknown }
  | { kind: "added"; path: JsonPath; to: unknown }
  | { kind: "removed"; path: JsonPath; from: unknown };

const isScalarArray = (v: unknown): v is unknown[] => Array.isArray(v) && v.every((x) => !isContainer(x));

/**
 * What differs between two JSON values, leaf by leaf. Objects compare key by key; lists of
 * scalars compare as sets (an item added or removed, wherever it sits); other lists by position.
 */
export function diffJson(from: unknown, to: unknown, path: JsonPath = []): DiffEntry[] {
  if (deepEqual(from, to)) return [];
  const tf = jsonType(from);
  const tt = jsonType(to);
  if (tf === "object" && tt === "object") {
    const a = from as Record<string, unknown>;
    const b = to as Record<string, unknown>;
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    return keys.flatMap((k): DiffEntry[] => {
      if (!Object.hasOwn(b, k)) return [{ kind: "removed", path: [...path, k], from: a[k] }];
      if (!Object.hasOwn(a, k)) return [{ kind: "added", path: [...path, k], to: b[k] }];
      return diffJson(a[k], b[k], [...path, k]);
    });
  }
  if (isScalarArray(from) && isScalarArray(to)) {
    const removed = from.filter((x) => !to.some((y) => deepEqual(x, y)));
    const added = to.filter((y) => !from.some((x) => deepEqual(x, y)));
    if (removed.length === 0 && added.length === 0) return [{ kind: "changed", path, from, to }]; // same items, new order
    return [
      ...removed.map((x): DiffEntry => ({ kind: "removed", path: [...path, from.indexOf(x)], from: x })),
      ...added.map((y): DiffEntry => ({ kind: "added", path: [...path, to.indexOf(y)], to: y })),
    ];
  }
  if (tf === "array" && tt === "array") {
    const a = from as unknown[];
    const b = to as unknown[];
    const out: DiffEntry[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= b.length) out.push({ kind: "removed", path: [...path, i], from: a[i] });
      else if (i >= a.length) out.push({ kind: "added", path: [...path, i], to: b[i] });
      else out.push(...diffJson(a[i], b[i], [...path, i]));
    }
    return out;
  }
  return [{ kind: "changed", path, from, to }];
}
