// GET /api/charges/breakdown/rows?start_date&end_date[&q&sort&limit] — the per-number breakdown
// as the page shows it: computed once per cached read, searched and sorted on the server (the
// order the CSV has), with totals and cost by charge type; `limit` sends only the first rows.
// The rows are packed (lib/charges/breakdown-packed.ts: six values a row, shared text by index).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { packView } from "@/lib/charges/breakdown-packed";
import { breakdownRowsQuery, loadBreakdownView } from "@/lib/charges/breakdown-read";

export const GET = apiRoute({ roles: ALL_ROLES, query: breakdownRowsQuery }, async ({ query }) => ({ data: packView((await loadBreakdownView(query)).data) }));
