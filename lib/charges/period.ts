// The charges page's URL state (?month=2025-05, or ?start=…&end=… for a custom range; ?q and
// ?sort for the breakdown), parsed the same way on the server and in the browser, and the
// charges range it selects.
import { createLoader, createParser, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { chargesRangeProblem, inputDateProblem } from "@/lib/telnyx/contract";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";
import { BREAKDOWN_SORTS, DEFAULT_BREAKDOWN_SORT } from "./breakdown";
import { addMonths, isMonthKey, monthOf, monthRange, type MonthKey } from "./months";

const parseAsMonth = createParser({ parse: (v) => (isMonthKey(v) ? v : null), serialize: (v: string) => v });
const parseAsDay = createParser({ parse: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null), serialize: (v: string) => v });

export const chargesSearchParams = {
  month: parseAsMonth,
  start: parseAsDay,
  end: parseAsDay,
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(BREAKDOWN_SORTS).withDefault(DEFAULT_BREAKDOWN_SORT),
};
export const loadChargesSearchParams = createLoader(chargesSearchParams);

export type SelectedPeriod =
  | { kind: "month"; month: MonthKey; range: ChargesRange }
  | { kind: "custom"; range: ChargesRange }
  | { kind: "invalid"; start: string; end: string; problems: string[] };

/**
 * Finance closes a month in its first days: on days 1 to CLOSING_DAYS of a UTC month, Charges
 * opens on the last closed month (the month before); later, on the current month so far.
 */
export const CLOSING_DAYS = 7;

export function defaultMonth(now: Date): MonthKey {
  return now.getUTCDate() <= CLOSING_DAYS ? addMonths(monthOf(now), -1) : monthOf(now);
}

/** The last month that has ended. */
export function lastClosedMonth(now: Date): MonthKey {
  return addMonths(monthOf(now), -1);
}

/** A custom range when both ends are given, else the month asked for, else the default month (defaultMonth). */
export function selectedPeriod(state: { month: string | null; start: string | null; end: string | null }, now: Date): SelectedPeriod {
  if (state.start && state.end) {
    // The rules of the routes' chargesRange schema, without zod (this runs in the browser too).
    const problems = [state.start, state.end].map(inputDateProblem).filter((p): p is string => p !== null);
    const problem = problems.length ? null : chargesRangeProblem(state.start, state.end);
    if (problem) problems.push(problem);
    if (problems.length) return { kind: "invalid", start: state.start, end: state.end, problems };
    return { kind: "custom", range: { start_date: state.start, end_date: state.end } };
  }
  const month = state.month ?? defaultMonth(now);
  return { kind: "month", month, range: monthRange(month) };
}
