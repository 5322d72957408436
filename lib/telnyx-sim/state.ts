// The standalone server's `POST /__sim/state` (set up what alerts and reconciliation must notice) and
// `GET /__sim/state`. Each change is validated whole before anything is applied.
//   {"balance": "12.34"}                         the balance now (no payment, no audit event)
//   {"spike": {"date"?, "record_type"?, "factor"?}}  a day of abnormal spend: that UTC day (default
//        today, not before today) has `factor` (2-20, default 10) times its usual records of the type
//        (default messaging); they appear as the day passes and are rated, debited and summed in the
//        charges summary when it ends, like any usage. `"spike": true` is all defaults.
//   {"webhook_failure_rate": 0.5}                share (0-1) of deliveries failing from now on
import { DETAIL_TYPES, type DetailType } from "./data/world";
import { dayNumber } from "./data/usage";
import { formatCents } from "./money";
import type { Store } from "./store";
import { DAY, isoDate, isoDateTime, parseIsoDate, startOfUtcDay } from "./time";

export interface StateChange {
  balanceCents?: number;
  spike?: { day: number; type: DetailType; factor: number };
  webhookFailureRate?: number;
}

export interface SimState {
  now: string;
  balance: string;
  credit_limit: string;
  available_credit: string;
  spikes: Array<{ date: string; record_type: string; factor: number }>;
  webhook_failure_rate: number;
}

const SPIKE_MAX_DAYS_AHEAD = 60;

/** Reads a POST /__sim/state body; a string is the reason it is refused. */
export function parseStateChange(raw: unknown, now: Date): StateChange | string {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return "the body must be a JSON object";
  const b = raw as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !["balance", "spike", "webhook_failure_rate"].includes(k));
  if (unknown.length) return `unknown field ${unknown[0]}: use balance, spike or webhook_failure_rate`;
  if (Object.keys(b).length === 0) return "give at least one of balance, spike or webhook_failure_rate";
  const out: StateChange = {};
  if (b.balance !== undefined) {
    const m = typeof b.balance === "string" ? /^(-?)(\d{1,9})(?:\.(\d{1,2}))?$/.exec(b.balance) : null;
    if (!m) return 'balance must be a decimal string such as "12.34" or "-5.00"';
    const cents = Number(m[2]) * 100 + Number((m[3] ?? "0").padEnd(2, "0"));
    out.balanceCents = m[1] ? -cents : cents;
  }
  if (b.spike !== undefined) {
    const s = b.spike === true ? {} : b.spike;
    if (s === null || typeof s !== "object" || Array.isArray(s)) return "spike must be true or an object {date?, record_type?, factor?}";
    const o = s as Record<string, unknown>;
    const today = startOfUtcDay(now);
    let day = dayNumber(today);
    if (o.date !== undefined) {
      const d = typeof o.date === "string" ? parseIsoDate(o.date) : null;
      if (!d) return "spike.date must be a date YYYY-MM-DD";
      if (d.getTime() < today.getTime()) return `spike.date must be today (${isoDate(today)}) or later: days already rated do not change`;
      if (d.getTime() > today.getTime() + SPIKE_MAX_DAYS_AHEAD * DAY) return `spike.date must be within ${SPIKE_MAX_DAYS_AHEAD} days`;
      day = dayNumber(d);
    }
    const type = o.record_type ?? "messaging";
    if (typeof type !== "string" || !(DETAIL_TYPES as readonly string[]).includes(type)) return `spike.record_type must be one of ${DETAIL_TYPES.join(", ")}`;
    const factor = o.factor ?? 10;
    if (typeof factor !== "number" || !Number.isFinite(factor) || factor < 2 || factor > 20) return "spike.factor must be a number from 2 to 20";
    out.spike = { day, type: type as DetailType, factor };
  }
  if (b.webhook_failure_rate !== undefined) {
    const r = b.webhook_failure_rate;
    if (typeof r !== "number" || !(r >= 0 && r <= 1)) return "webhook_failure_rate must be a number from 0 to 1";
    out.webhookFailureRate = r;
  }
  return out;
}

export function applyStateChange(store: Store, c: StateChange, now: Date): void {
  if (c.balanceCents !== undefined) store.balanceCents = c.balanceCents;
  if (c.spike) store.usage.setSpike(c.spike.type, c.spike.day, c.spike.factor);
  if (c.webhookFailureRate !== undefined) store.failureRates.push({ from: now.getTime(), rate: c.webhookFailureRate });
  store.listCache.clear();
  store.summaryCache.clear();
}

export function currentState(store: Store, now: Date): SimState {
  return {
    now: isoDateTime(now),
    balance: formatCents(store.balanceCents),
    credit_limit: formatCents(store.creditLimitCents),
    available_credit: formatCents(store.balanceCents + store.creditLimitCents),
    spikes: [...store.usage.spikes].map(([k, factor]) => {
      const [type, day] = k.split(":");
      return { date: isoDate(Number(day) * DAY), record_type: type!, factor };
    }),
    webhook_failure_rate: store.failureShareAt(now.getTime()),
  };
}
