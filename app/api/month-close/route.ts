// GET /api/month-close — the closed months (who closed each, when, its status) with the post-close
// changes seen since; POST /api/month-close {"month"} closes an ended month the ledger covers
// (owner, finance: closing is the finance team's step; it changes nothing at Telnyx).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { recordAction } from "@/lib/action-log";
import { closeBody } from "@/lib/close/schemas";
import { assertEnded, closeMonth, listClosedMonths } from "@/lib/close/service";
import { db } from "@/lib/db";

export const GET = apiRoute({ roles: ALL_ROLES }, async () => ({ data: await listClosedMonths(await db()) }));

export const POST = apiRoute({ roles: ALL_ROLES, body: closeBody }, async ({ user, body }) => {
  assertEnded(body.month);
  const result = await closeMonth(await db(), body.month, user);
  if (result instanceof Response) return result;
  await recordAction({ user, action: "month.close", params: { month: body.month, status: result.status }, outcome: "success" });
  return { data: result };
});
