// Money is a decimal string end to end. Arithmetic goes through big.js, never through floats.
import Big from "big.js";

/** A signed decimal string as Telnyx sends it ("120.00", "-154.29", "0.0075"). */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
/** What a person may type for an amount: digits, a dot and exactly two decimals ("12.50"). */
export const AMOUNT_INPUT_PATTERN = /^\d{1,9}\.\d{2}$/;

export function sumDecimals(values: Iterable<string | null | undefined>): Big {
  let total = new Big(0);
  for (const v of values) if (v) total = total.plus(v);
  return total;
}

/** Formats a decimal string as money in the user's locale without converting through a float
 *  more precise than Intl can show (Intl takes strings since ES2023). */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  return formatWithCurrency(amount as unknown as number, currency, {}, locale);
}

/** Intl's currency style when `currency` is a well-formed ISO 4217 code; otherwise (Telnyx's
 *  contract types it as a plain string, so "" or "usd$" can arrive) the number with the raw code
 *  beside it, instead of the RangeError Intl throws. */
export function formatWithCurrency(
  value: number,
  currency: string,
  options: Intl.NumberFormatOptions = {},
  locale?: string,
): string {
  if (/^[A-Za-z]{3}$/.test(currency)) {
    return new Intl.NumberFormat(locale, { ...options, style: "currency", currency }).format(value);
  }
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, ...options }).format(value);
  return currency.trim() ? `${n} ${currency.trim()}` : n;
}

export { Big };
