// How often an auto-recharge rule would fire at the account's current pace of spending, and
// whether it could pass Telnyx's cap of 10 recharges in 24 hours (past which service is disrupted).
// Between two recharges the account spends about one recharge amount: each recharge tops the
// balance up to threshold + recharge, and the next fires when it falls below the threshold again.
import { Big, DECIMAL_PATTERN, formatMoney } from "@/lib/money";

/** Telnyx's limit: more automatic recharges than this in 24 hours disrupts service. */
export const DAILY_RECHARGE_CAP = 10;
/** A busy day is taken as this many times the month's average day. */
export const PEAK_DAY_FACTOR = 2;

/**
 * This month's spend per day so far (month-to-date total / days elapsed, today included, as the
 * overview's runway figures it), rounded to cents; "0.00" when nothing was spent, or a credit.
 */
export function averageDailySpend(monthTotal: string, daysElapsed: number): string {
  if (!DECIMAL_PATTERN.test(monthTotal) || daysElapsed < 1) return "0.00";
  const total = new Big(monthTotal);
  return total.lte(0) ? "0.00" : total.div(daysElapsed).toFixed(2);
}

export type CapRisk = "none" | "busy-day" | "exceeds";

export interface RechargeFrequency {
  /** Expected recharges per day and per month at the average pace (not rounded). */
  perDay: number;
  perMonth: number;
  /** "exceeds": an average day passes the cap; "busy-day": a day at twice the average would. */
  risk: CapRisk;
  /** The smallest recharge amount that keeps the day the risk is about under the cap. */
  saferRechargeAmount: string | null;
}

/** Recharges per day = daily spend / recharge amount, and the cap check. */
export function rechargeFrequency(rechargeAmount: string, dailySpend: string, daysInMonth: number): RechargeFrequency | null {
  if (!DECIMAL_PATTERN.test(rechargeAmount.trim()) || !DECIMAL_PATTERN.test(dailySpend)) return null;
  const recharge = new Big(rechargeAmount.trim());
  if (recharge.lte(0)) return null;
  const daily = new Big(dailySpend);
  const perDay = Number(daily.div(recharge).toFixed(4));
  const busyDay = perDay * PEAK_DAY_FACTOR;
  const risk: CapRisk = perDay > DAILY_RECHARGE_CAP ? "exceeds" : busyDay > DAILY_RECHARGE_CAP ? "busy-day" : "none";
  // Cents rounded up, so the suggestion itself stays at or under the cap.
  const safer = (spend: Big) => spend.div(DAILY_RECHARGE_CAP).round(2, Big.roundUp).toFixed(2);
  return {
    perDay,
    perMonth: Number(daily.times(daysInMonth).div(recharge).toFixed(4)),
    risk,
    saferRechargeAmount: risk === "exceeds" ? safer(daily) : risk === "busy-day" ? safer(daily.times(PEAK_DAY_FACTOR)) : null,
  };
}

function times(n: number): string {
  if (n === 1) return "once";
  if (n === 2) return "twice";
  return `${n} times`;
}

/** "At this month's average spend ($12.00 a day), this would trigger about 4 times a month." */
export function describeFrequency(freq: RechargeFrequency, dailySpend: string, currency: string): string {
  const pace = `At this month's average spend (${formatMoney(dailySpend, currency)} a day)`;
  if (new Big(dailySpend).lte(0)) return "Nothing has been spent this month yet, so there is no pace to estimate from.";
  if (freq.perMonth < 1) return `${pace}, this would trigger less than once a month.`;
  const month = `${pace}, this would trigger about ${times(Math.round(freq.perMonth))} a month`;
  if (freq.perDay < 1) return `${month}.`;
  const day = Math.round(freq.perDay * 10) / 10;
  return `${month} (about ${day % 1 === 0 ? times(day) : `${day} times`} a day).`;
}

/** The warning about Telnyx's 10-in-24-hours cap, or null when the settings stay well under it. */
export function describeCapRisk(freq: RechargeFrequency, currency: string): string | null {
  const fix = freq.saferRechargeAmount
    ? ` A recharge amount of at least ${formatMoney(freq.saferRechargeAmount, currency)} would stay under it.`
    : "";
  if (freq.risk === "exceeds")
    return `At this month's average spend these settings would trigger about ${Math.round(freq.perDay)} recharges in 24 hours, more than Telnyx's limit of ${DAILY_RECHARGE_CAP}. Past that limit Telnyx disrupts service.${fix}`;
  if (freq.risk === "busy-day")
    return `A day with ${PEAK_DAY_FACTOR} times this month's average spend would trigger more than ${DAILY_RECHARGE_CAP} recharges in 24 hours, Telnyx's limit. Past that limit Telnyx disrupts service.${fix}`;
  return null;
}
