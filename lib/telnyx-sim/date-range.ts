// filter[date_range] of /detail_records: the contract's named ranges and last_N_days, as UTC bounds.
import { DAY, addUtcDays, addUtcMonths, startOfUtcDay, startOfUtcMonth } from "./time";

export const DATE_RANGES = ["yesterday", "today", "tomorrow", "last_week", "this_week", "next_week", "last_month", "this_month", "next_month"] as const;

/** A named range or last_N_days (N from 1 to 9999). */
export function isDateRange(range: string): boolean {
  return (DATE_RANGES as readonly string[]).includes(range) || /^last_([1-9]\d{0,3})_days$/.test(range);
}

/** [from, to) in epoch milliseconds; weeks start on Monday. */
export function dateRangeBounds(range: string, now: Date): [number, number] {
  const today = startOfUtcDay(now);
  const dow = (today.getUTCDay() + 6) % 7; // Monday = 0
  const monday = addUtcDays(today, -dow);
  const month = startOfUtcMonth(now);
  const last = /^last_(\d{1,4})_days$/.exec(range);
  if (last) return [now.getTime() - Number(last[1]) * DAY, now.getTime() + 1];
  switch (range) {
    case "yesterday":
      return [addUtcDays(today, -1).getTime(), today.getTime()];
    case "today":
      return [today.getTime(), addUtcDays(today, 1).getTime()];
    case "tomorrow":
      return [addUtcDays(today, 1).getTime(), addUtcDays(today, 2).getTime()];
    case "last_week":
      return [addUtcDays(monday, -7).getTime(), monday.getTime()];
    case "this_week":
      return [monday.getTime(), addUtcDays(monday, 7).getTime()];
    case "next_week":
      return [addUtcDays(monday, 7).getTime(), addUtcDays(monday, 14).getTime()];
    case "last_month":
      return [addUtcMonths(month, -1).getTime(), month.getTime()];
    case "this_month":
      return [month.getTime(), addUtcMonths(month, 1).getTime()];
    default: // next_month
      return [addUtcMonths(month, 1).getTime(), addUtcMonths(month, 2).getTime()];
  }
}
