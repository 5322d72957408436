// Display formats: money in the account's currency and dates in the user's locale and time zone
// (lib/display-prefs: a fixed locale and zone while hydrating, then the browser's own). Values
// stay exact (decimal strings, ISO dates); only their presentation changes here.
import { cachedFormatter, displayPrefs } from "./display-prefs";
import { formatMoney, formatWithCurrency } from "./money";

export { formatMoney, formatWithCurrency };

const dateFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }));
const monthFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { year: "numeric", month: "long", timeZone: "UTC" }));
const shortMonthFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { year: "2-digit", month: "short", timeZone: "UTC" }));
const dateTimeFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { dateStyle: "medium", timeStyle: "medium", timeZone: p.timeZone }));
const countFormat = cachedFormatter((p) => new Intl.NumberFormat(p.locale));

/** A calendar date (YYYY-MM-DD, no time zone) as the user reads dates. */
export function formatDate(isoDate: string): string {
  return dateFormat().format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "May 2025" for any date inside that month. */
export function formatMonth(isoDate: string, short = false): string {
  return (short ? shortMonthFormat : monthFormat)().format(new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`));
}

/** A moment in the user's local time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat().format(new Date(iso));
}

export function formatCount(n: number): string {
  return countFormat().format(n);
}

/** A number with a fixed count of decimals, in the user's locale ("12.5" → "12.5", "1,234.0"). */
export function formatDecimal(n: number, decimals: number): string {
  return new Intl.NumberFormat(displayPrefs().locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
}

/** Date and time to the second, the zone named: the base of the exact formats below. */
const SECONDS_WITH_ZONE: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
};

const exactLocalFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { ...SECONDS_WITH_ZONE, fractionalSecondDigits: 3, timeZone: p.timeZone }));

/** A moment to the millisecond in the user's time zone, naming the zone ("May 1, 2025, 10:02:03.512 CEST"). */
export function formatDateTimeExact(iso: string): string {
  return exactLocalFormat().format(new Date(iso));
}

const utcDateTimeFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { ...SECONDS_WITH_ZONE, timeZone: "UTC" }));

/** A moment in UTC, naming the zone ("May 1, 2025, 08:02:03 UTC"): usage records, as on Charges and in the export. */
export function formatDateTimeUtc(iso: string): string {
  return utcDateTimeFormat().format(new Date(iso));
}
