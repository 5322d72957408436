// GET /api/charges/breakdown/rows?start_date&end_date[&q&sort&limit] — the per-number breakdown
// as the page shows it: computed once per cached read, searched and sorted on the server (the
// order the CSV has), with totals and cost by charge type; `limit` sends only the first rows.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { breakdownRowsQuery, loadBreakdownView } from "@/lib/charges/breakdown-read";

export const GET = apiRoute({ roles: ALL_ROLES, query: breakdownRowsQuery }, ({ query }) => loadBreakdownView(query));
