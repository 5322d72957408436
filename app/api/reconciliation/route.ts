// GET /api/reconciliation?month=YYYY-MM[&format=csv] — the month's reconciliation checks (two
// figures, difference, verdict, the lines behind each), or the same as CSV (differences exportable).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { RECONCILIATION_COLUMNS, reconciliationCsvRows } from "@/lib/close/reconcile";
import { reconciliationQuery } from "@/lib/close/schemas";
import { assertEnded, reconciliationFor } from "@/lib/close/service";
import { csvResponse, toCsv } from "@/lib/csv";
import { db } from "@/lib/db";

export const GET = apiRoute({ roles: ALL_ROLES, query: reconciliationQuery }, async ({ query }) => {
  assertEnded(query.month);
  const { rec } = await reconciliationFor(await db(), query.month);
  if (query.format === "csv") return csvResponse(toCsv(RECONCILIATION_COLUMNS, reconciliationCsvRows(rec)), `reconciliation-${query.month}.csv`);
  return { data: rec };
});
