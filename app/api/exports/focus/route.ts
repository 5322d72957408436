// GET /api/exports/focus?month=YYYY-MM — the month as a FinOps FOCUS 1.2 CSV (lib/close/focus.ts):
// one row per charges-summary line and adjustment, sum(BilledCost) = the summary's grand total.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { FOCUS_COLUMNS, focusRows } from "@/lib/close/focus";
import { loadMonth } from "@/lib/close/month";
import { focusQuery } from "@/lib/close/schemas";
import { assertEnded, incompleteResponse } from "@/lib/close/service";
import { csvResponse, toCsv } from "@/lib/csv";
import { db } from "@/lib/db";

export const GET = apiRoute({ roles: ALL_ROLES, query: focusQuery }, async ({ query }) => {
  assertEnded(query.month);
  const d = await loadMonth(await db(), query.month);
  if (!d.summary || (d.missing.includes("charges") && !query.partial)) return incompleteResponse(query.month, ["charges"]);
  const rows = focusRows({ bounds: d.bounds, summary: d.summary, invoiceId: d.invoice?.id ?? null, tagsByType: d.tagsByType });
  return csvResponse(toCsv(FOCUS_COLUMNS, rows), `focus-${query.month}.csv`);
});
