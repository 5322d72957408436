// GET /api/history/balance?from&to — balance snapshots from the ledger, and before the first
// one points reconstructed from daily spend and top-ups (source "reconstructed").
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { balanceHistory } from "@/lib/ledger/read";
import { dayRange } from "@/lib/ledger/schemas";

export const GET = apiRoute({ roles: ALL_ROLES, query: dayRange }, async ({ query }) => ({
  data: await balanceHistory(await db(), query.from, query.to),
}));
