// GET /balance
import { json } from "../http";
import { formatCents } from "../money";
import type { Ctx } from "./common";

export function getBalance(ctx: Ctx): Response {
  const s = ctx.store;
  return json(200, {
    data: {
      record_type: "balance",
      pending: formatCents(s.pendingCents),
      balance: formatCents(s.balanceCents),
      credit_limit: formatCents(s.creditLimitCents),
      available_credit: formatCents(s.balanceCents + s.creditLimitCents),
      currency: "USD",
    },
  });
}
