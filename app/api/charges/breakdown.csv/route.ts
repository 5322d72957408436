// GET /api/charges/breakdown.csv?start_date&end_date[&q&sort] — the per-number breakdown as a CSV
// file, searched and sorted as the table shows it.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { BREAKDOWN_COLUMNS, BREAKDOWN_SORTS, DEFAULT_BREAKDOWN_SORT, breakdownRows, visibleBreakdown } from "@/lib/charges/breakdown";
import { rangeSlug } from "@/lib/charges/months";
import { csvResponse, toCsv } from "@/lib/csv";
import { runOperation } from "@/lib/telnyx/run";
import { chargesRange } from "@/lib/telnyx/schemas/charges";

const query = chargesRange.and(
  z.object({ q: z.string().max(200, "must be at most 200 characters").default(""), sort: z.enum(BREAKDOWN_SORTS).default(DEFAULT_BREAKDOWN_SORT) }),
);

export const GET = apiRoute({ roles: ALL_ROLES, query }, async ({ query: { start_date, end_date, q, sort } }) => {
  const { data } = await runOperation("chargesBreakdown", { start_date, end_date });
  const rows = visibleBreakdown(breakdownRows(data), q, sort);
  return csvResponse(toCsv(BREAKDOWN_COLUMNS, rows), `telnyx-charges-breakdown-${rangeSlug({ start_date, end_date })}.csv`);
});
