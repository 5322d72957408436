// usage: daily rollups of detail records per record type and UTC day, and apart from them per user
// tag and day (a record with several tags counts once per type, once per tag; untagged under '').
// Each (type, day) is read whole through filter[created_at][gte|lt] and replaces its rollup rows
// with the cursor in one transaction: a killed run resumes at the next day, never double counts.
// The trailing days are re-read every run, since Telnyx rates the last hours late.
import { Big } from "@/lib/money";
import { DETAIL_RECORD_PAGE_CAP, DETAIL_RECORD_TYPES, type DetailRecordType } from "@/lib/telnyx/schemas/detail-records";
import { layoutFor, recordCost, recordTags } from "@/lib/usage/records";
import { addDays, DAY_MS, utcDay } from "../clock";
import type { SyncContext } from "../context";

type TypeCursor = {
  /** Last day whose rollup is complete. */
  done_through?: string;
  /** The type had no records in its window when last probed (then it is probed again a day later). */
  empty_checked_at?: number;
};
export type UsageCursor = { types: Partial<Record<DetailRecordType, TypeCursor>> };

const EMPTY_RECHECK_MS = DAY_MS;
const iso = (day: string) => `${day}T00:00:00Z`;

type Acc = { count: number; cost: Big };
export interface DayRollup {
  byType: Map<string, Acc>; // currency → totals
  byTag: Map<string, Acc>; // JSON [tag, currency] → totals
}

export function rollupRecords(type: DetailRecordType, records: readonly Record<string, unknown>[], into: DayRollup): void {
  const layout = layoutFor(type, records as never);
  const add = (map: Map<string, Acc>, key: string, cost: string | null) => {
    const acc = map.get(key) ?? { count: 0, cost: new Big(0) };
    acc.count++;
    if (cost !== null) acc.cost = acc.cost.plus(cost);
    map.set(key, acc);
  };
  for (const r of records) {
    const cost = recordCost(r as never, layout);
    const currency = typeof r.currency === "string" && r.currency ? r.currency : "USD";
    add(into.byType, currency, cost);
    const tags = [...new Set(recordTags(r as never, layout))];
    for (const tag of tags.length ? tags : [""]) add(into.byTag, JSON.stringify([tag, currency]), cost);
  }
}

export async function syncUsage(ctx: SyncContext<UsageCursor>): Promise<void> {
  const now = ctx.clock.now();
  const today = utcDay(now);
  const first = addDays(today, -(ctx.config.backfillDays - 1));
  const cursor: UsageCursor = { types: { ...(ctx.cursor?.types ?? {}) } };

  for (const type of DETAIL_RECORD_TYPES) {
    const state = { ...(cursor.types[type] ?? {}) };
    const resume = state.done_through ? addDays(state.done_through, 1) : first;
    const trailing = addDays(today, -ctx.config.trailingDays);
    const start = resume < first ? first : resume > trailing ? trailing : resume;

    if (state.empty_checked_at !== undefined && now - state.empty_checked_at < EMPTY_RECHECK_MS) continue;
    if (state.done_through === undefined || state.empty_checked_at !== undefined) {
      // One call tells whether the type has any records in the window at all (most don't).
      const probe = await ctx.upstream.read("detailRecords", {
        record_type: type, page: 1, size: 1, sort: "created_at",
        created_at_gte: iso(start), created_at_lt: iso(addDays(today, 1)),
      });
      if (probe.meta.total_results === 0) {
        cursor.types[type] = { done_through: today, empty_checked_at: now };
        await ctx.commit(async (trx) => {
          await trx.deleteFrom("ledger_usage_type").where("record_type", "=", type).where("day", ">=", start).execute();
          await trx.deleteFrom("ledger_usage_tag").where("record_type", "=", type).where("day", ">=", start).execute();
        }, structuredClone(cursor));
        continue;
      }
      delete state.empty_checked_at;
    }

    for (let day = start; day <= today; day = addDays(day, 1)) {
      const rollup: DayRollup = { byType: new Map(), byTag: new Map() };
      for (let page = 1; ; page++) {
        const res = await ctx.upstream.read("detailRecords", {
          record_type: type, page, size: DETAIL_RECORD_PAGE_CAP, sort: "created_at",
          created_at_gte: iso(day), created_at_lt: iso(addDays(day, 1)),
        });
        rollupRecords(type, res.data, rollup);
        if (res.data.length < DETAIL_RECORD_PAGE_CAP || page >= res.meta.total_pages) break;
      }
      cursor.types[type] = { ...state, done_through: day };
      await ctx.commit(async (trx) => {
        await trx.deleteFrom("ledger_usage_type").where("record_type", "=", type).where("day", "=", day).execute();
        await trx.deleteFrom("ledger_usage_tag").where("record_type", "=", type).where("day", "=", day).execute();
        for (const [currency, acc] of rollup.byType)
          await trx.insertInto("ledger_usage_type").values({ day, record_type: type, currency, count: acc.count, cost: acc.cost.toFixed() }).execute();
        for (const [key, acc] of rollup.byTag) {
          const [tag, currency] = JSON.parse(key) as [string, string];
          await trx.insertInto("ledger_usage_tag").values({ day, record_type: type, tag, currency, count: acc.count, cost: acc.cost.toFixed() }).execute();
        }
      }, structuredClone(cursor));
    }
  }
}
