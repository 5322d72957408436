// Random answers that the official contract (../shared/telnyx/account-openapi.json) allows, with
// every field filled and values chosen to be valid but absurd: empty and very long strings,
// "NaN" where the contract only says "string", the first and last days of the calendar, int32
// extremes, empty and long lists. Tests serve them through the simulator's `body` fault to check
// that the dashboard never breaks on an answer Telnyx may legally send (a contract break it
// detects is a card's error state, not a crash). Test tooling only: nothing in the app imports it.
import { readFileSync } from "node:fs";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- it walks arbitrary JSON Schema and JSON values
type Json = any;

export const CONTRACT_PATH = path.resolve(process.cwd(), "../shared/telnyx/account-openapi.json");

export function loadContract(file = CONTRACT_PATH): Json {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** mulberry32: small, seeded, good enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Half of them look like decimals (Telnyx sends money as strings): absurd amounts get past the
// dashboard's own checks and reach the screen.
const STRINGS = [
  ...["", " ", "x".repeat(400), "NaN", "1e309", "Infinity", "🙂‍↔️ ünï©ødé", "<b>&amp;</b>"],
  ...["0", "-0.00", "0.000000001", "-99999999999.99", "99999999999999999999.999999", "1", "-1", "12345678.9"],
];
const DATE_TIMES = ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2024-02-29T12:00:00.123456+14:00", "1970-01-01T00:00:00-12:00"];
const DATES = ["9999-12-31", "0001-01-01", "2024-02-29"];
const UUIDS = ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"];
const INT32 = [0, -1, 2147483647, -2147483648, 1];
const INTEGERS = [...INT32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
const NUMBERS = [0, -0.000001, 1e15, 123456789.123456, -1e15, 0.1];

export function sampler(contract: Json, seed: number) {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const resolve = (schema: Json): Json => {
    let s = schema;
    for (let i = 0; s && typeof s.$ref === "string" && i < 20; i++)
      s = s.$ref
        .slice(2)
        .split("/")
        .reduce((o: Json, k: string) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], contract);
    return s;
  };

  const sample = (raw: Json, depth = 0): Json => {
    const schema = resolve(raw);
    if (!schema || typeof schema !== "object") return null;
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum)) return pick(schema.enum);
    if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((s: Json) => sample(s, depth)));
    const branches = schema.oneOf ?? schema.anyOf;
    if (Array.isArray(branches)) {
      const branch = resolve(pick(branches));
      // A discriminated branch declares its tag only as a default: the sample carries it.
      const tag = schema.discriminator?.propertyName;
      const value = sample(branch, depth);
      if (tag && value && typeof value === "object") value[tag] = resolve(branch.properties?.[tag])?.default ?? value[tag];
      return value;
    }
    const type = Array.isArray(schema.type) ? pick(schema.type.filter((t: string) => t !== "null")) : schema.type;
    switch (type ?? (schema.properties ? "object" : schema.items ? "array" : "string")) {
      case "object": {
        const out: Record<string, Json> = {};
        for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sample(value, depth + 1);
        if (schema.additionalProperties && typeof schema.additionalProperties === "object")
          out["x".repeat(60)] = sample(schema.additionalProperties, depth + 1);
        else if (schema.additionalProperties === true || (schema.additionalProperties === undefined && !schema.properties))
          out[pick(["", "__proto__x", "ünï"])] = pick(STRINGS);
        return out;
      }
      case "array": {
        const max = depth > 4 ? 1 : pick([0, 1, 3, 40]);
        const count = Math.max(schema.minItems ?? 0, Math.min(max, schema.maxItems ?? max));
        return Array.from({ length: count }, () => sample(schema.items ?? {}, depth + 1));
      }
      case "integer": {
        const list = schema.format === "int32" ? INT32 : INTEGERS;
        return clamp(pick(list), schema);
      }
      case "number":
        return clamp(pick(NUMBERS), schema);
      case "boolean":
        return random() < 0.5;
      case "null":
        return null;
      default:
        return stringFor(schema, pick, random);
    }
  };

  return {
    sample,
    /** A 200 body of an operation (path as in the contract, e.g. "/balance"), or undefined if the contract has none. */
    response(pathName: string, method = "get"): Json {
      const op = contract.paths?.[pathName]?.[method];
      const ok = resolve(op?.responses?.["200"]);
      const schema = ok?.content?.["application/json"]?.schema;
      return schema ? sample(schema) : undefined;
    },
  };
}

function clamp(n: number, schema: Json): number {
  let v = n;
  if (typeof schema.minimum === "number") v = Math.max(v, schema.minimum);
  if (typeof schema.maximum === "number") v = Math.min(v, schema.maximum);
  if (typeof schema.exclusiveMinimum === "number" && v <= schema.exclusiveMinimum) v = schema.exclusiveMinimum + 1;
  if (typeof schema.exclusiveMaximum === "number" && v >= schema.exclusiveMaximum) v = schema.exclusiveMaximum - 1;
  return schema.type === "integer" ? Math.trunc(v) : v;
}

function stringFor(schema: Json, pick: <T>(l: readonly T[]) => T, random: () => number): string {
  switch (schema.format) {
    case "date-time":
      return pick(DATE_TIMES);
    case "date":
      return pick(DATES);
    case "uuid":
      return random() < 0.5 ? pick(UUIDS) : "4a1c2b3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    case "uri":
      return pick(["https://example.invalid/" + "a".repeat(300), "urn:x", "https://[::1]:65535/?q=%00"]);
    case "email":
      return pick(["a@b.c", "x".repeat(64) + "@example.invalid"]);
    default: {
      let s = pick(STRINGS);
      if (typeof schema.maxLength === "number") s = s.slice(0, schema.maxLength);
      if (typeof schema.minLength === "number") s = s.padEnd(schema.minLength, "z");
      return s;
    }
  }
}
