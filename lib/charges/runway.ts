// How long the money lasts at this month's pace: average daily spend = month-to-date total / days
// elapsed this month (UTC); days left = available credit / daily spend.
import { Big } from "@/lib/money";
import { addDays, daysElapsedInMonth, utcToday } from "./months";
import { toDecimalString } from "./totals";

export interface RunwayInput {
  /** What the account can spend now (balance + credit limit). */
  availableCredit: string;
  /** The account's balance, which auto-recharge compares with its threshold. */
  balance: string;
  /** This month's charges so far (grand total of the month-to-date summary). */
  monthToDate: string;
  now: Date;
  /** A daily spend to use instead of this month's average (the ledger's trailing 7- or 30-day rate). */
  dailySpend?: string;
  autoRecharge?: { enabled: boolean; threshold_amount: string; recharge_amount: string } | null;
}

export type Runway =
  | { kind: "no-spend"; dailySpend: string }
  | { kind: "exhausted"; dailySpend: string }
  | {
      kind: "estimate";
      dailySpend: string;
      /** Whole days the available credit lasts (rounded down). */
      daysLeft: number;
      /** The UTC date it runs out, YYYY-MM-DD. */
      runsOutOn: string;
      /** With auto-recharge on: when the balance reaches the threshold and a top-up happens instead. */
      topUp: { daysUntil: number; on: string; threshold: string; amount: string } | null;
    };

export function computeRunway(input: RunwayInput): Runway {
  const elapsed = daysElapsedInMonth(input.now);
  const spend = new Big(input.monthToDate);
  const daily = input.dailySpend !== undefined ? new Big(input.dailySpend) : spend.gt(0) ? spend.div(elapsed) : new Big(0);
  const dailySpend = toDecimalString(daily.round(2, Big.roundHalfUp));
  if (daily.lte(0)) return { kind: "no-spend", dailySpend };
  const available = new Big(input.availableCredit);
  if (available.lte(0)) return { kind: "exhausted", dailySpend };
  const today = utcToday(input.now);
  const daysLeft = Number(available.div(daily).round(0, Big.roundDown).toString());
  let topUp = null;
  const ar = input.autoRecharge;
  if (ar?.enabled) {
    const headroom = new Big(input.balance).minus(ar.threshold_amount);
    const daysUntil = headroom.lte(0) ? 0 : Number(headroom.div(daily).round(0, Big.roundDown).toString());
    topUp = { daysUntil, on: addDays(today, daysUntil), threshold: ar.threshold_amount, amount: ar.recharge_amount };
  }
  return { kind: "estimate", dailySpend, daysLeft, runsOutOn: addDays(today, daysLeft), topUp };
}
