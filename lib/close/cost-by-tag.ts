// Cost per user tag from the ledger's usage rollups, over UTC days [from, to): per tag for the whole
// range and per tag per day. A record with several tags counts once under each, so the tags' column
// totals may exceed the usage grand total (which counts each record once); untagged records are
// their own row.
import "server-only";
import type { Db } from "@/lib/db";
import { Big } from "@/lib/money";
import { dailySpend, type DailySpend } from "@/lib/ledger/read";

export interface TagCost {
  /** null: untagged records. */
  tag: string | null;
  label: string;
  count: number;
  cost: string;
  currency: string;
}

export interface CostByTag {
  data: TagCost[];
  days: DailySpend[];
  meta: {
    from: string;
    to: string;
    /** Usage cost of the range, each record once (from the per-type rollups), per currency. */
    grand_total: { currency: string; cost: string }[];
    /** The tags' column totals added up, per currency (≥ the grand total when records carry several tags). */
    tags_total: { currency: string; cost: string }[];
    note: string;
    last_sync_at: string | null;
  };
}

export const MULTI_TAG_NOTE =
  "A record with several tags is counted once under each of its tags, so the tag totals may add up to more than the grand total.";
export const UNTAGGED_LABEL = "Untagged";

function totals(rows: readonly { currency: string; cost: string }[]) {
  const acc = new Map<string, Big>();
  for (const r of rows) acc.set(r.currency, (acc.get(r.currency) ?? new Big(0)).plus(r.cost));
  return [...acc].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cost]) => ({ currency, cost: cost.toFixed(2) }));
}

/** Per tag (most expensive first, untagged last) and per day, from the rollups. */
export function tagTotals(days: readonly DailySpend[]): TagCost[] {
  const acc = new Map<string, TagCost & { big: Big }>();
  for (const d of days) {
    const id = JSON.stringify([d.key, d.currency]);
    const a = acc.get(id) ?? { tag: d.key, label: d.key ?? UNTAGGED_LABEL, count: 0, cost: "0", currency: d.currency, big: new Big(0) };
    a.count += d.count;
    a.big = a.big.plus(d.cost);
    acc.set(id, a);
  }
  return [...acc.values()]
    .sort((a, b) => Number(a.tag === null) - Number(b.tag === null) || b.big.cmp(a.big) || a.label.localeCompare(b.label))
    .map(({ big, ...t }) => ({ ...t, cost: big.toFixed(2) }));
}

export async function costByTag(db: Db, from: string, to: string): Promise<CostByTag> {
  const [days, byType, stream] = await Promise.all([
    dailySpend(db, from, to, "tag"),
    dailySpend(db, from, to, "record_type"),
    db.selectFrom("ledger_stream").select("last_success_at").where("stream", "=", "usage").executeTakeFirst(),
  ]);
  const data = tagTotals(days);
  return {
    data,
    days,
    meta: {
      from,
      to,
      grand_total: totals(byType),
      tags_total: totals(data),
      note: MULTI_TAG_NOTE,
      last_sync_at: stream?.last_success_at ? new Date(Number(stream.last_success_at)).toISOString() : null,
    },
  };
}

export const COST_BY_TAG_COLUMNS = ["tag", "label", "count", "cost", "currency"] as const;

export function costByTagCsvRows(data: readonly TagCost[]): Record<(typeof COST_BY_TAG_COLUMNS)[number], string>[] {
  return data.map((t) => ({ tag: t.tag ?? "", label: t.label, count: String(t.count), cost: t.cost, currency: t.currency }));
}
