// GET /api/month-close/{YYYY-MM}.zip[?partial=1] — the month's close pack, streamed (lib/close/pack.ts).
// A month the ledger does not cover completely answers 409 with meta.missing (the streams) unless
// ?partial=1; a closed month's pack is the one stored when it was closed.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { packResponse } from "@/lib/close/pack";
import { packParams, packQuery } from "@/lib/close/schemas";
import { assertEnded, incompleteResponse, monthPack } from "@/lib/close/service";
import { db } from "@/lib/db";

export const GET = apiRoute({ roles: ALL_ROLES, params: packParams, query: packQuery }, async ({ params, query }) => {
  const month = params.file.slice(0, 7);
  assertEnded(month);
  const pack = await monthPack(await db(), month, query.partial);
  if ("missing" in pack) return incompleteResponse(month, pack.missing);
  return packResponse(month, pack.files, pack.manifest);
});
