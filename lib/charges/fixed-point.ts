// Exact decimal arithmetic for many amounts at once: each decimal string becomes an integer count of
// 10^-scale units (scale = the most decimals any of them has), so sums and comparisons are exact
// and cost one integer operation instead of a Big per step. The counts are plain numbers while every
// one of them (and any sum of them) is a safe integer, which is exact and several times cheaper than
// BigInt; otherwise BigInts. Amounts stay decimal strings outside.
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

/** Digits of a number of units that are always a safe integer (< 2^53 ≈ 9.007 × 10^15). */
const SAFE_DIGITS = 15;

/** The same as toUnits as a number; only when the units have at most SAFE_DIGITS digits. */
function toNumberUnits(p: Parts, scale: number): number {
  const units = Number(p.digits + p.fraction.padEnd(scale, "0"));
  return p.negative ? -units : units;
}

/**
 * A decimal written as lib/charges/totals.ts's toDecimalString writes a Big: at least two decimals,
 * more only when they are not zero, and never "-0.00". `whole` has no leading zeros.
 */
function writeDecimal(negative: boolean, whole: string, fraction: string): string {
  const decimals = fraction.replace(/0+$/, "").padEnd(2, "0");
  const zero = whole === "0" && /^0*$/.test(decimals);
  return `${negative && !zero ? "-" : ""}${whole}.${decimals}`;
}

/** Units of 10^-scale as a decimal string (writeDecimal). */
function fromUnits(units: bigint | number, scale: number): string {
  const negative = units < 0;
  // A safe integer's String() has no exponent, like a BigInt's.
  const text = String(negative ? -units : units).padStart(scale + 1, "0");
  return writeDecimal(negative, text.slice(0, text.length - scale), text.slice(text.length - scale));
}

/**
 * Amounts on one common scale, for exact sums and comparisons among them: numbers when every
 * amount and the sum of all their magnitudes are safe integers (so any sum of them is exact),
 * otherwise BigInts. Compare them with compareUnits, sum them with sumUnits.
 */
export interface FixedPoint {
  scale: number;
  units: number[] | bigint[];
}

export function toFixedPoint(values: readonly string[]): FixedPoint {
  const parsed = values.map(parts);
  let scale = 0;
  let widest = 0;
  for (const p of parsed) {
    if (p.fraction.length > scale) scale = p.fraction.length;
    if (p.digits.length > widest) widest = p.digits.length;
  }
  // Each magnitude < 10^(widest + scale); their sum < count × that, which must stay safe.
  const safe = widest + scale <= SAFE_DIGITS && Math.max(1, parsed.length) * 10 ** (widest + scale) <= Number.MAX_SAFE_INTEGER;
  return { scale, units: safe ? parsed.map((p) => toNumberUnits(p, scale)) : parsed.map((p) => toUnits(p, scale)) };
}

/** The exact sum of units of one FixedPoint (a number when they are numbers: toFixedPoint made that safe). */
function sumUnits(units: FixedPoint["units"]): bigint | number {
  if (units.length === 0 || typeof units[0] === "number") {
    let total = 0;
    for (const u of units as number[]) total += u;
    return total;
  }
  let total = 0n;
  for (const u of units as bigint[]) total += u;
  return total;
}

/** One decimal written as fromUnits writes it, without any arithmetic. */
function written(value: string): string {
  const p = parts(value);
  return writeDecimal(p.negative, p.digits.replace(/^0+(?=\d)/, ""), p.fraction);
}

/** The exact sum of decimal strings, written as toDecimalString(sumDecimals(values)) would write it. */
export function sumDecimalStrings(values: readonly string[]): string {
  // Most numbers have one service: its cost is the sum.
  if (values.length === 1) return written(values[0]!);
  const { scale, units } = toFixedPoint(values);
  return fromUnits(sumUnits(units), scale);
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
  const groups = new Map<K, FixedPoint["units"]>();
  keys.forEach((k, i) => {
    const group = groups.get(k);
    if (group) (group as (number | bigint)[]).push(units[i]!);
    else groups.set(k, [units[i]!] as FixedPoint["units"]);
  });
  return new Map([...groups].map(([k, u]) => [k, fromUnits(sumUnits(u), scale)]));
}

/** -1, 0 or 1 as a < b, a = b, a > b (exact). */
export const compareUnits = <T extends bigint | number>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);
