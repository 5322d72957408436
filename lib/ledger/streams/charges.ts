// charges: the summary of every month (13 back), the current month refreshed each run, and the
// breakdown of closed months. A closed month freezes (never fetched again) once its invoice is in
// the ledger and a few days have passed since it ended.
import { addMonths, DAY_MS, dayStart, utcDay } from "../clock";
import { boolValue, isTrue, type SyncContext } from "../context";

export type ChargesCursor = { last_month: string; frozen_through?: string };

export async function syncCharges(ctx: SyncContext<ChargesCursor>): Promise<void> {
  const now = ctx.clock.now();
  const current = utcDay(now).slice(0, 7);
  const first = addMonths(current, -(ctx.config.backfillMonths - 1));
  const rows = await ctx.db.selectFrom("ledger_charges_month").select(["month", "frozen"]).where("month", ">=", first).execute();
  const frozen = new Set(rows.filter((r) => isTrue(r.frozen)).map((r) => r.month));
  const invoiced = new Set(
    (await ctx.db.selectFrom("ledger_invoice").select("period_start").where("period_start", ">=", `${first}-01`).execute()).map((r) =>
      r.period_start.slice(0, 7),
    ),
  );

  for (let month = first; month <= current; month = addMonths(month, 1)) {
    if (frozen.has(month)) continue;
    const start_date = `${month}-01`;
    const end_date = `${addMonths(month, 1)}-01`;
    const closed = month < current;
    const summary = await ctx.upstream.read("chargesSummary", { start_date, end_date });
    const breakdown = closed ? await ctx.upstream.read("chargesBreakdown", { start_date, end_date }) : null;
    const freeze = closed && invoiced.has(month) && now >= dayStart(end_date) + ctx.config.freezeAfterDays * DAY_MS;
    const values = {
      currency: summary.data.currency,
      grand_total: summary.data.total.grand_total,
      summary: JSON.stringify(summary.data),
      breakdown: breakdown ? JSON.stringify(breakdown.data) : null,
      frozen: boolValue(ctx.engine, freeze),
      fetched_at: ctx.clock.now(),
    };
    await ctx.commit(async (trx) => {
      await trx
        .insertInto("ledger_charges_month")
        .values({ month, ...values })
        .onConflict((oc) => oc.column("month").doUpdateSet(values))
        .execute();
    }, { last_month: month });
  }
}
