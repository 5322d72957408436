// Money as integers (cents, or smaller units for per-unit rates), formatted as decimal strings.
// Never a float sum: every total is an integer sum of integers.

/** 12345 → "123.45", -5 → "-0.05" */
export function formatCents(cents: number): string {
  return formatScaled(cents, 2);
}

/** formatScaled(40, 4) → "0.0040": an integer amount of 10^-decimals units as a decimal string. */
export function formatScaled(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units)) throw new Error(`not a safe integer amount: ${units}`);
  const neg = units < 0;
  const abs = String(Math.abs(units)).padStart(decimals + 1, "0");
  const whole = abs.slice(0, abs.length - decimals);
  const frac = abs.slice(abs.length - decimals);
  return `${neg ? "-" : ""}${whole}${decimals > 0 ? `.${frac}` : ""}`;
}

/** "120.00" → 12000. Exactly two decimals, no sign, no exponent; null when it is not that. */
export function parseStrictAmount(s: unknown): number | null {
  if (typeof s !== "string") return null;
  const m = /^(\d{1,9})\.(\d{2})$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number(m[2]);
}

/** A non-negative decimal with at most two decimals ("104", "104.5", "104.00") → cents. */
export function parseLooseAmount(s: unknown): number | null {
  if (typeof s !== "string") return null;
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

/** Cost of `quantity` units at `rate` (10^-rateDecimals dollars each), rounded half-up to cents. */
export function costCents(quantity: number, rate: number, rateDecimals: number): number {
  const scale = 10 ** (rateDecimals - 2);
  return Math.floor((quantity * rate + scale / 2) / scale);
}
