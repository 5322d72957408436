// GET /api/charges/breakdown.csv?start_date&end_date[&q&sort] — the per-number breakdown as a CSV
// file, searched and sorted as the table shows it.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { BREAKDOWN_COLUMNS } from "@/lib/charges/breakdown";
import { breakdownQuery, loadBreakdownView } from "@/lib/charges/breakdown-read";
import { rangeSlug } from "@/lib/charges/months";
import { csvResponse, toCsv } from "@/lib/csv";

export const GET = apiRoute({ roles: ALL_ROLES, query: breakdownQuery }, async ({ query }) => {
  const { data } = await loadBreakdownView(query);
  return csvResponse(toCsv(BREAKDOWN_COLUMNS, data.rows), `telnyx-charges-breakdown-${rangeSlug(query)}.csv`);
});
