// Shapes shared by several Telnyx operations, and the dashboard's own query building blocks.
import { z } from "zod";
import { ISO_DATE_MESSAGE } from "@/lib/telnyx/contract";

export const paginationMeta = z.object({
  page_number: z.number().int(),
  page_size: z.number().int(),
  total_pages: z.number().int(),
  total_results: z.number().int(),
});
export type PaginationMeta = z.infer<typeof paginationMeta>;

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: paginationMeta });

/**
 * An integer in a query string or a body: a JSON integer, or decimal digits only. No coercion, so
 * "0x10", "1e3", " 7", "+7", "" and [7] are refused rather than read as numbers.
 */
export const wholeNumber = z.union([z.int(), z.string().regex(/^[0-9]{1,15}$/).transform(Number)], {
  error: "must be a whole number written in decimal digits",
});
/** A whole number from `min` to `max`. */
export const wholeNumberIn = (min: number, max: number, messages: { min?: string; max?: string } = {}) =>
  wholeNumber.pipe(z.number().min(min, messages.min ?? `must be ${min} or more`).max(max, messages.max ?? `must be at most ${max}`));

/** A dashboard query's page number (1-based). */
export const pageNumber = wholeNumberIn(1, Number.MAX_SAFE_INTEGER).default(1);
/** A page size with the operation's cap. */
export const pageSize = (max: number, fallback = 20) => wholeNumberIn(1, max).default(fallback);

export const uuid = z.uuid("must be a UUID");

/** A calendar date that exists, written YYYY-MM-DD. */
export const isoDate = z.iso.date(ISO_DATE_MESSAGE);
/** An ISO 8601 timestamp with a time zone, e.g. 2025-05-01T00:00:00Z. */
export const isoDateTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2025-05-01T00:00:00Z" });

// Inputs sent to Telnyx: no billing data predates 2000, and Telnyx refuses years such as 0000.
const FIRST_YEAR = 2000;
const fromFirstYear = (value: string) => Number(value.slice(0, 4)) >= FIRST_YEAR;
/** A date a caller asks about (charges ranges): YYYY-MM-DD, in 2000 or later. */
export const inputDate = isoDate.refine(fromFirstYear, `must be in ${FIRST_YEAR} or later`);
/** A time a caller asks about (filters, windows): ISO 8601 with a zone, in 2000 or later. */
export const inputDateTime = isoDateTime.refine(fromFirstYear, `must be in ${FIRST_YEAR} or later`);

/**
 * Checks each [from, to] pair of optional times as instants, not strings: 02:00Z is after
 * 01:00-05:00 as text but before it in time.
 */
export const orderedWindows =
  <T extends Record<string, unknown>>(pairs: readonly (readonly [keyof T & string, keyof T & string])[]) =>
  (q: T, ctx: z.RefinementCtx) => {
    for (const [from, to] of pairs) {
      const a = q[from], b = q[to];
      if (typeof a === "string" && typeof b === "string" && Date.parse(a) > Date.parse(b))
        ctx.addIssue({ code: "custom", path: [to], message: `must not be before ${from}` });
    }
  };

export const optionalText = (max: number) => z.string().trim().min(1).max(max, `must be at most ${max} characters`).optional();
