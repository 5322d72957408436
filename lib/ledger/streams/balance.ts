// balance: one snapshot (balance, available credit, pending) per run; the runner runs it every 5 minutes.
import type { SyncContext } from "../context";

export type BalanceCursor = { last_at: number };

export async function syncBalance(ctx: SyncContext<BalanceCursor>): Promise<void> {
  const { data } = await ctx.upstream.read("balance", {});
  const at = ctx.clock.now();
  await ctx.commit(async (trx) => {
    await trx
      .insertInto("ledger_balance")
      .values({
        at,
        balance: data.balance,
        available_credit: data.available_credit,
        pending: data.pending,
        credit_limit: data.credit_limit,
        currency: data.currency,
      })
      .onConflict((oc) => oc.column("at").doNothing())
      .execute();
  }, { last_at: at });
}
