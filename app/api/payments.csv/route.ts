// GET /api/payments.csv?from&to — the Payments view's top-ups as a CSV file (same rows as GET /api/payments).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { gatherTopUps, TOPUP_CSV_COLUMNS, topUpCsvRows } from "@/lib/billing/topups";
import { csvResponse, toCsv } from "@/lib/csv";
import { db } from "@/lib/db";
import { dayStart } from "@/lib/ledger/clock";
import { dayRange } from "@/lib/ledger/schemas";

export const GET = apiRoute({ roles: ALL_ROLES, query: dayRange }, async ({ query }) => {
  const { data } = await gatherTopUps(await db(), dayStart(query.from), dayStart(query.to));
  return csvResponse(toCsv(TOPUP_CSV_COLUMNS, topUpCsvRows(data)), `payments-${query.from}-to-${query.to}.csv`);
});
