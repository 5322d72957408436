// GET /api/history/daily-spend/export?from&to&group_by — the same rows as /api/history/daily-spend
// as a CSV file (UTC days, from inclusive, to exclusive).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { csvResponse } from "@/lib/csv";
import { db } from "@/lib/db";
import { dailySpendCsv, dailySpendFileName } from "@/lib/history/csv";
import { dailySpend } from "@/lib/ledger/read";
import { dailySpendQuery } from "@/lib/ledger/schemas";

export const GET = apiRoute({ roles: ALL_ROLES, query: dailySpendQuery }, async ({ query }) =>
  csvResponse(dailySpendCsv(await dailySpend(await db(), query.from, query.to, query.group_by), query.group_by), dailySpendFileName(query.from, query.to, query.group_by)),
);
