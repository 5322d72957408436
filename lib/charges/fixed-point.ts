// Exact decimal arithmetic for many amounts at once: each decimal string becomes a BigInt count of
// 10^-scale units (scale = the most decimals any of them has), so sums and comparisons are exact
// and cost one BigInt operation instead of a Big per step. Amounts stay decimal strings outside.
import { Big } from "@/lib/money";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Parts {
  negative: boolean;
  digits: string;
  fraction: string;
}

function parts(value: string): Parts {
  // Telnyx's decimals match DECIMAL; anything else big.js accepts ("1e-3", "2.", ".5") is written
  // out plainly by big.js first, so it is read as exactly the same number.
  const m = DECIMAL.exec(value) ?? DECIMAL.exec(new Big(value).toFixed());
  if (!m) throw new Error(`Not a decimal number: ${value}`);
  return { negative: m[1] === "-", digits: m[2]!, fraction: m[3] ?? "" };
}

/** The value in units of 10^-scale (exact; `scale` must be at least the value's number of decimals). */
function toUnits(p: Parts, scale: number): bigint {
  const units = BigInt(p.digits + p.fraction.padEnd(scale, "0"));
  return p.negative ? -units : units;
}

/**
 * Units of 10^-scale as a decimal string, written as lib/charges/totals.ts's toDecimalString writes
 * a Big: at least two decimals, more only when they are not zero, and never "-0.00".
 */
function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, "").padEnd(2, "0");
  const zero = units === 0n;
  return `${negative && !zero ? "-" : ""}${whole}.${fraction}`;
}

/** Amounts on one common scale, for exact sums and comparisons among them. */
export interface FixedPoint {
  scale: number;
  units: bigint[];
}

export function toFixedPoint(values: readonly string[]): FixedPoint {
  const parsed = values.map(parts);
  let scale = 0;
  for (const p of parsed) if (p.fraction.length > scale) scale = p.fraction.length;
  return { scale, units: parsed.map((p) => toUnits(p, scale)) };
}

/** The exact sum of decimal strings, written as toDecimalString(sumDecimals(values)) would write it. */
export function sumDecimalStrings(values: readonly string[]): string {
  const { scale, units } = toFixedPoint(values);
  let total = 0n;
  for (const u of units) total += u;
  return fromUnits(total, scale);
}

/** Sums of groups of decimal strings, each written as sumDecimalStrings writes it. */
export function sumDecimalGroups<K>(entries: Iterable<readonly [K, string]>): Map<K, string> {
  const keys: K[] = [];
  const values: string[] = [];
  for (const [k, v] of entries) {
    keys.push(k);
    values.push(v);
  }
  const { scale, units } = toFixedPoint(values);
  const totals = new Map<K, bigint>();
  keys.forEach((k, i) => totals.set(k, (totals.get(k) ?? 0n) + units[i]!));
  return new Map([...totals].map(([k, u]) => [k, fromUnits(u, scale)]));
}

/** -1, 0 or 1 as a < b, a = b, a > b (exact). */
export const compareUnits = <T extends bigint | number>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);
