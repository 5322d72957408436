// GET /api/charges/summary.csv?start_date&end_date — the charges summary table of a period as a CSV file.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { rangeSlug } from "@/lib/charges/months";
import { SUMMARY_COLUMNS, summaryRows } from "@/lib/charges/totals";
import { csvResponse, toCsv } from "@/lib/csv";
import { runOperation } from "@/lib/telnyx/run";
import { chargesRange } from "@/lib/telnyx/schemas/charges";

export const GET = apiRoute({ roles: ALL_ROLES, query: chargesRange }, async ({ query }) => {
  const { data } = await runOperation("chargesSummary", query);
  return csvResponse(toCsv(SUMMARY_COLUMNS, summaryRows(data.summary)), `telnyx-charges-summary-${rangeSlug(query)}.csv`);
});
