// Display formats: money in the account's currency and dates in the user's locale. Values stay
// exact (decimal strings, ISO dates); only their presentation changes here.
import { formatMoney, formatWithCurrency } from "./money";

export { formatMoney, formatWithCurrency };

const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "long", timeZone: "UTC" });
const shortMonthFormat = new Intl.DateTimeFormat(undefined, { year: "2-digit", month: "short", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A calendar date (YYYY-MM-DD, no time zone) as the user reads dates. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "May 2025" for any date inside that month. */
export function formatMonth(isoDate: string, short = false): string {
  return (short ? shortMonthFormat : monthFormat).format(new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`));
}

/** A moment in the user's local time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}

const exactLocalFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  timeZoneName: "short",
});

/** A moment to the millisecond in the user's time zone, naming the zone ("May 1, 2025, 10:02:03.512 CEST"). */
export function formatDateTimeExact(iso: string): string {
  return exactLocalFormat.format(new Date(iso));
}
