// Each rule kind's condition, computed from the ledger (never from Telnyx directly): whether it
// holds now, how severe (budget steps), and the figures that made it so. Money stays decimal.
import type { Db } from "../db";
import { addDays, DAY_MS, utcDay } from "../ledger/clock";
import { autoRechargesSince, dailySpend, latestBalance, syncStatus, trailingDailySpend, webhookOutcomesSince } from "../ledger/read";
import { Big } from "../money";
import type { AnyKind, RuleParams } from "./describe";

export interface Condition {
  active: boolean;
  /** Higher is worse; a rise while firing notifies again (budget: forecast 1, 50% 2, 80% 3, 100% 4). */
  level: number;
  figures: Record<string, unknown>;
}

export const STALE_AFTER_MS = 2 * 3_600_000;
const NONE = (figures: Record<string, unknown>): Condition => ({ active: false, level: 0, figures });

async function accountCurrency(db: Db): Promise<string> {
  return (await latestBalance(db))?.currency ?? "USD";
}

/** Spend per day in [from, to) in one currency, optionally one tag or record type. */
async function spendPerDay(db: Db, from: string, to: string, currency: string, filter: { tag?: string; record_type?: string }): Promise<Map<string, Big>> {
  const rows = await dailySpend(db, from, to, filter.tag ? "tag" : "record_type");
  const out = new Map<string, Big>();
  for (const r of rows) {
    if (r.currency !== currency) continue;
    if (filter.tag && r.key !== filter.tag) continue;
    if (filter.record_type && r.key !== filter.record_type) continue;
    out.set(r.date, (out.get(r.date) ?? new Big(0)).plus(r.cost));
  }
  return out;
}

const sum = (m: Map<string, Big>) => [...m.values()].reduce((a, b) => a.plus(b), new Big(0));

function median(values: Big[]): Big {
  const s = [...values].sort((a, b) => a.cmp(b));
  if (s.length === 0) return new Big(0);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).div(2);
}

export async function checkCondition(db: Db, kind: AnyKind, p: RuleParams, now: number): Promise<Condition> {
  switch (kind) {
    case "balance_below": {
      const b = await latestBalance(db);
      if (!b) return NONE({ note: "no balance synced yet" });
      const figures = { available_credit: b.available_credit, balance: b.balance, amount: p.amount, currency: b.currency, as_of: b.at };
      return { active: new Big(b.available_credit).lt(p.amount!), level: 1, figures };
    }
    case "runway_below": {
      const b = await latestBalance(db);
      if (!b) return NONE({ note: "no balance synced yet" });
      const trailing = (await trailingDailySpend(db, 7, now)).find((t) => t.currency === b.currency);
      const perDay = new Big(trailing?.per_day ?? "0");
      if (perDay.lte(0)) return NONE({ available_credit: b.available_credit, daily_spend: "0.00", currency: b.currency, days: p.days });
      const available = new Big(b.available_credit);
      const runway = available.lte(0) ? new Big(0) : available.div(perDay);
      const figures = { available_credit: b.available_credit, daily_spend: perDay.toFixed(2), runway_days: runway.toFixed(1), days: p.days, currency: b.currency };
      return { active: runway.lt(p.days!), level: 1, figures };
    }
    case "budget": {
      const currency = await accountCurrency(db);
      const today = utcDay(now);
      const monthStart = `${today.slice(0, 7)}-01`;
      const nextMonth = utcDay(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1));
      const filter = { tag: p.tag };
      const spent = sum(await spendPerDay(db, monthStart, addDays(today, 1), currency, filter));
      const trailing = sum(await spendPerDay(db, addDays(today, -7), today, currency, filter)).div(7);
      const daysLeft = Math.round((Date.parse(`${nextMonth}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) - 1;
      const forecast = spent.plus(trailing.times(daysLeft));
      const amount = new Big(p.amount!);
      const percent = amount.gt(0) ? spent.div(amount).times(100) : new Big(0);
      const level = percent.gte(100) ? 4 : percent.gte(80) ? 3 : percent.gte(50) ? 2 : p.forecast && forecast.gt(amount) ? 1 : 0;
      const figures = {
        month: today.slice(0, 7),
        tag: p.tag ?? null,
        spent: spent.toFixed(2),
        amount: p.amount,
        percent: percent.toFixed(1),
        forecast: forecast.toFixed(2),
        threshold: ["", "forecast", "50%", "80%", "100%"][level] || null,
        currency,
      };
      return { active: level > 0, level, figures };
    }
    case "anomaly": {
      const currency = await accountCurrency(db);
      const today = utcDay(now);
      const perDay = await spendPerDay(db, addDays(today, -15), addDays(today, 1), currency, { record_type: p.record_type });
      const factor = new Big(p.factor!);
      // Today so far and yesterday, each against the 14 days before it.
      for (const day of [today, addDays(today, -1)]) {
        const spend = perDay.get(day) ?? new Big(0);
        const before = Array.from({ length: 14 }, (_, i) => perDay.get(addDays(day, -(i + 1))) ?? new Big(0));
        const med = median(before);
        if (spend.gte(p.min_amount!) && spend.gt(med.times(factor)))
          return { active: true, level: 1, figures: { day, spend: spend.toFixed(2), median: med.toFixed(2), factor: p.factor, min_amount: p.min_amount, record_type: p.record_type ?? null, currency } };
      }
      const spend = perDay.get(today) ?? new Big(0);
      return NONE({ day: today, spend: spend.toFixed(2), factor: p.factor, record_type: p.record_type ?? null, currency });
    }
    case "auto_recharge_frequency": {
      const recharges = await autoRechargesSince(db, now - DAY_MS);
      return { active: recharges.length > p.count!, level: 1, figures: { recharges_24h: recharges.length, count: p.count, last_at: recharges.at(-1)?.at ?? null } };
    }
    case "webhook_failure_rate": {
      const outcomes = (await webhookOutcomesSince(db, now - p.window_minutes! * 60_000)).filter((o) => !p.url || o.url === p.url);
      const urls = outcomes.map((o) => ({ ...o, failure_percent: o.total ? new Big(o.failed).times(100).div(o.total).toFixed(1) : "0.0" }));
      const failing = urls.filter((u) => u.total > 0 && new Big(u.failure_percent).gt(p.percent!));
      return { active: failing.length > 0, level: 1, figures: { percent: p.percent, window_minutes: p.window_minutes, urls: failing.length ? failing : urls } };
    }
    case "stale_ledger_stream": {
      // A stream that ran and has not succeeded for 2 hours; streams that never ran are not set up yet.
      const stale = (await syncStatus(db, now))
        .filter((s) => (s.last_success_at ? now - Date.parse(s.last_success_at) > STALE_AFTER_MS : s.last_error_at !== null))
        .map((s) => ({ stream: s.stream, last_success_at: s.last_success_at, last_error: s.last_error }));
      return { active: stale.length > 0, level: 1, figures: { streams: stale } };
    }
  }
}
