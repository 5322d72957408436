import { addDays, wholeMonthOf } from "@/lib/charges/months";
import { formatDate, formatMonth } from "@/lib/format";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";

/** "May 2025", or "3 May 2025 – 1 Jun 2025" (the last day included, as people read ranges). */
export function periodLabel(range: ChargesRange): string {
  const month = wholeMonthOf(range);
  if (month) return formatMonth(range.start_date);
  const last = addDays(range.end_date, -1);
  return last <= range.start_date ? formatDate(range.start_date) : `${formatDate(range.start_date)} – ${formatDate(last)}`;
}

export const rangeQueryString = (range: ChargesRange) => new URLSearchParams({ start_date: range.start_date, end_date: range.end_date }).toString();
