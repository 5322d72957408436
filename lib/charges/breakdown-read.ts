import "server-only";
import { z } from "zod";
import { runOperation } from "@/lib/telnyx/run";
import { chargesRange } from "@/lib/telnyx/schemas/charges";
import { wholeNumberIn } from "@/lib/telnyx/schemas/common";
import { BREAKDOWN_SORTS, DEFAULT_BREAKDOWN_SORT } from "./breakdown";
import { breakdownView, type BreakdownView } from "./breakdown-view";

/** The period, search and order of the breakdown (the table's and the CSV's). */
export const breakdownQuery = chargesRange.and(
  z.object({ q: z.string().max(200, "must be at most 200 characters").default(""), sort: z.enum(BREAKDOWN_SORTS).default(DEFAULT_BREAKDOWN_SORT) }),
);

/** What GET /api/charges/breakdown/rows accepts: the above, and optionally how many rows. */
export const breakdownRowsQuery = breakdownQuery.and(z.object({ limit: wholeNumberIn(1, 100_000).optional() }));

/** The breakdown's rows in the page's search and order, from the one cached charges_breakdown read. */
export async function loadBreakdownView({ start_date, end_date, q, sort, limit }: z.output<typeof breakdownRowsQuery>): Promise<{ data: BreakdownView }> {
  const { data } = await runOperation("chargesBreakdown", { start_date, end_date });
  return { data: breakdownView(data, { q, sort, limit }) };
}
