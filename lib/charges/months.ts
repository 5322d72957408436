// Calendar math for charges periods. Telnyx's charges ranges are UTC calendar dates, end exclusive,
// at most 31 days: May 2025 is start_date=2025-05-01&end_date=2025-06-01.
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";

const DAY_MS = 86_400_000;

/** A calendar month written YYYY-MM. */
export type MonthKey = string;
export const MONTH_KEY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
  return MONTH_KEY_PATTERN.test(value);
}

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The UTC month a moment falls in. */
export function monthOf(now: Date): MonthKey {
  return now.toISOString().slice(0, 7);
}

/** The UTC calendar date of a moment, YYYY-MM-DD. */
export function utcToday(now: Date): string {
  return iso(now);
}

export function addMonths(month: MonthKey, n: number): MonthKey {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m - 1 + n, 1))).slice(0, 7);
}

export function addDays(isoDate: string, n: number): string {
  return iso(new Date(utcDate(isoDate).getTime() + n * DAY_MS));
}

/** Whole days from `start` to `end` (end exclusive), both YYYY-MM-DD. */
export function daysBetween(start: string, end: string): number {
  return Math.round((utcDate(end).getTime() - utcDate(start).getTime()) / DAY_MS);
}

/** The charges range of a whole month: its first day to the first day of the next. */
export function monthRange(month: MonthKey): ChargesRange {
  return { start_date: `${month}-01`, end_date: `${addMonths(month, 1)}-01` };
}

/** The month a range covers exactly, or null when it is not one whole calendar month. */
export function wholeMonthOf(range: ChargesRange): MonthKey | null {
  const month = range.start_date.slice(0, 7);
  return range.start_date.endsWith("-01") && range.end_date === monthRange(month).end_date ? month : null;
}

/** The last `count` months up to and including the month of `now`, oldest first. */
export function lastMonths(count: number, now: Date): MonthKey[] {
  const current = monthOf(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count + 1));
}

/**
 * The period to compare a range against: the previous month for a whole month, otherwise the
 * range of the same length that ends where this one starts.
 */
export function previousRange(range: ChargesRange): ChargesRange {
  const month = wholeMonthOf(range);
  if (month) return monthRange(addMonths(month, -1));
  const days = daysBetween(range.start_date, range.end_date);
  return { start_date: addDays(range.start_date, -days), end_date: range.start_date };
}

/** Days of the current UTC month that have begun, today included (1 on the 1st). */
export function daysElapsedInMonth(now: Date): number {
  return now.getUTCDate();
}

/** A short token for file names: "2025-05" for a whole month, else "2025-05-03_2025-06-02". */
export function rangeSlug(range: ChargesRange): string {
  return wholeMonthOf(range) ?? `${range.start_date}_${range.end_date}`;
}
