// Shapes shared by several Telnyx operations, and the dashboard's own query building blocks.
import { z } from "zod";

export const paginationMeta = z.object({
  page_number: z.number().int(),
  page_size: z.number().int(),
  total_pages: z.number().int(),
  total_results: z.number().int(),
});
export type PaginationMeta = z.infer<typeof paginationMeta>;

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: paginationMeta });

/** A dashboard query's page number (1-based). */
export const pageNumber = z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").default(1);
/** A page size with the operation's cap. */
export const pageSize = (max: number, fallback = 20) =>
  z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").max(max, `must be at most ${max}`).default(fallback);

export const uuid = z.uuid("must be a UUID");

/** A calendar date that exists, written YYYY-MM-DD. */
export const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
/** An ISO 8601 timestamp with a time zone, e.g. 2025-05-01T00:00:00Z. */
export const isoDateTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2025-05-01T00:00:00Z" });

export const optionalText = (max: number) => z.string().trim().min(1).max(max, `must be at most ${max} characters`).optional();
