// Facts of the Telnyx contract that the browser needs too (enums, page caps, amount bounds, the
// range rules), without zod: client code reads them from here, and the zod schemas in ./schemas
// are built on them, so a page with no form never loads zod to show a select's options.

// GET /audit_events: filter[change_made_by]'s enum.
export const CHANGE_MADE_BY = ["telnyx", "account_manager", "account_owner", "organization_member"] as const;

// Auto-recharge preferences and what the form and PATCH accept.
export const PAYMENT_PREFERENCES = ["credit_paypal", "ach"] as const;
export const THRESHOLD_BOUNDS = { min: "5.00", max: "100000.00" } as const;
export const RECHARGE_BOUNDS = { min: "10.00", max: "10000.00" } as const;

// POST stored_payment_transactions.
export const PAYMENT_BOUNDS = { min: "1.00", max: "10000.00" } as const;

// Page size caps per list operation.
export const DETAIL_RECORD_PAGE_CAP = 50;
export const INVOICE_PAGE_CAP = 250;
export const WEBHOOK_PAGE_CAP = 250;

// GET /webhook_deliveries: filter[status][eq].
export const DELIVERY_STATUSES = ["delivered", "failed"] as const;

// GET /detail_records: filter[record_type]'s enum and filter[date_range]'s named ranges.
export const DETAIL_RECORD_TYPES = [
  "ai-voice-assistant", "amd", "call-control", "conference", "conference-participant", "embedding", "fax",
  "inference", "inference-speech-to-text", "media_storage", "media-streaming", "messaging", "noise-suppression",
  "recording", "sip-trunking", "siprec-client", "stt", "tts", "verify", "webrtc", "wireless",
] as const;
export type DetailRecordType = (typeof DETAIL_RECORD_TYPES)[number];

export const DATE_RANGES = [
  "yesterday", "today", "tomorrow", "last_week", "this_week", "next_week", "last_month", "this_month", "next_month",
] as const;
/** The dynamic range `last_N_days`, N from 1 to 999. */
export const LAST_N_DAYS = /^last_([1-9]\d{0,2})_days$/;

/** One of the contract's named ranges, or `last_N_days`. */
export function isDateRange(value: string): boolean {
  return (DATE_RANGES as readonly string[]).includes(value) || LAST_N_DAYS.test(value);
}

// Charges ranges are UTC calendar dates, end exclusive, at most 31 days apart (Telnyx docs).
export const MAX_RANGE_DAYS = 31;
const DAY_MS = 86_400_000;
export const ISO_DATE_MESSAGE = "must be a date written YYYY-MM-DD";

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** What is wrong with a date a caller asks about (the schemas' inputDate), or null. */
export function inputDateProblem(value: string): string | null {
  if (!isIsoDate(value)) return ISO_DATE_MESSAGE;
  return Number(value.slice(0, 4)) >= 2000 ? null : "must be in 2000 or later";
}

/** What is wrong with a range of two valid dates (always about end_date), or null. */
export function chargesRangeProblem(startDate: string, endDate: string): string | null {
  const days = (Date.parse(endDate) - Date.parse(startDate)) / DAY_MS;
  if (days <= 0) return "must be after start_date (the end date is exclusive)";
  if (days > MAX_RANGE_DAYS) return `must be at most ${MAX_RANGE_DAYS} days after start_date`;
  return null;
}
