// Money is a decimal string end to end. Arithmetic goes through big.js, never through floats.
import Big from "big.js";
import { displayPrefs } from "./display-prefs";

/** A signed decimal string as Telnyx sends it ("120.00", "-154.29", "0.0075"). */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
/** What a person may type for an amount: digits, a dot and exactly two decimals ("12.50"). */
export const AMOUNT_INPUT_PATTERN = /^\d{1,9}\.\d{2}$/;

/** What people type for an amount and mean as dollars and cents: "200", "200.5", " $1,200.5 ", ".5". */
const LOOSE_AMOUNT = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d{0,2}))?$/;

/**
 * An amount as typed, written the way the API wants it ("200" → "200.00", "200.5" → "200.50",
 * "$1,200" → "1200.00"). Anything else (three decimals, letters, a minus sign, empty) comes back
 * trimmed but otherwise as typed, so the form's own check names what is wrong with it.
 */
export function normalizeAmountInput(typed: string): string {
  const value = typed.trim();
  const match = LOOSE_AMOUNT.exec(value);
  if (!match) return value;
  const whole = (match[1] ?? "").replace(/,/g, "");
  const cents = match[2] ?? "";
  if (whole === "" && cents === "") return value;
  return `${whole.replace(/^0+(?=\d)/, "") || "0"}.${cents.padEnd(2, "0")}`;
}

export function sumDecimals(values: Iterable<string | null | undefined>): Big {
  let total = new Big(0);
  for (const v of values) if (v) total = total.plus(v);
  return total;
}

/** Formats a decimal string as money in the user's locale (lib/display-prefs) without converting through a float
 *  more precise than Intl can show (Intl takes strings since ES2023). */
export function formatMoney(amount: string, currency: string, locale: string = displayPrefs().locale): string {
  return formatWithCurrency(amount as unknown as number, currency, {}, locale);
}

/** Intl's currency style when `currency` is a well-formed ISO 4217 code; otherwise (Telnyx's
 *  contract types it as a plain string, so "" or "usd$" can arrive) the number with the raw code
 *  beside it, instead of the RangeError Intl throws. Formatters are cached per locale and options. */
export function formatWithCurrency(
  value: number,
  currency: string,
  options: Intl.NumberFormatOptions = {},
  locale: string = displayPrefs().locale,
): string {
  if (/^[A-Za-z]{3}$/.test(currency)) return numberFormat(locale, { ...options, style: "currency", currency }).format(value);
  const n = numberFormat(locale, { minimumFractionDigits: 2, ...options }).format(value);
  return currency.trim() ? `${n} ${currency.trim()}` : n;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export { Big };
