// GET /api/history/daily-spend?from&to&group_by=record_type|tag — usage cost per UTC day from the
// ledger's rollups (any range kept, not limited to 31 days); cost a decimal string, key null for untagged.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { dailySpend } from "@/lib/ledger/read";
import { dailySpendQuery } from "@/lib/ledger/schemas";

export const GET = apiRoute({ roles: ALL_ROLES, query: dailySpendQuery }, async ({ query }) => ({
  data: await dailySpend(await db(), query.from, query.to, query.group_by),
}));
