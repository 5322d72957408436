// One point of the 12-month charges series: a month's totals by kind, from its summary's lines.
import type { ChargesSummary } from "@/lib/telnyx/schemas/charges";
import { monthRange, type MonthKey } from "./months";
import { summaryTotals, toDecimalString } from "./totals";
import { Big } from "@/lib/money";

export interface MonthlyChargesPoint {
  month: MonthKey;
  start_date: string;
  end_date: string;
  currency: string;
  new_mrc: string;
  new_otc: string;
  /** Existing numbers' recurring charges (and their OTC, if Telnyx ever sends one). */
  existing_mrc: string;
  other: string;
  /** Credits and ledger adjustments together (usually negative). */
  adjustments: string;
  total: string;
}

export interface MonthlyChargesSeries {
  data: MonthlyChargesPoint[];
}

/** The kinds the chart stacks, in order, with their labels. */
export const CHARGE_KINDS = [
  { key: "new_mrc", label: "New MRC" },
  { key: "new_otc", label: "New OTC" },
  { key: "existing_mrc", label: "Existing MRC" },
  { key: "other", label: "Usage and other" },
  { key: "adjustments", label: "Credits and adjustments" },
] as const satisfies readonly { key: keyof MonthlyChargesPoint; label: string }[];

export function monthlyPoint(month: MonthKey, summary: ChargesSummary): MonthlyChargesPoint {
  const t = summaryTotals(summary.summary);
  return {
    month,
    ...monthRange(month),
    currency: summary.currency,
    new_mrc: t.new_mrc,
    new_otc: t.new_otc,
    existing_mrc: toDecimalString(new Big(t.existing_mrc).plus(t.existing_otc)),
    other: t.other,
    adjustments: t.adjustments,
    total: t.grand_total,
  };
}
