import { z } from "zod";
import { decimalString } from "@/lib/telnyx/schemas/money";
import { chargesRangeProblem, MAX_RANGE_DAYS } from "@/lib/telnyx/contract";
import { inputDate, isoDate } from "./common";

export { MAX_RANGE_DAYS };

// Charges ranges are UTC calendar dates, end exclusive (so at least one day), at most 31 days apart (Telnyx docs).
export const chargesRange = z
  .object({ start_date: inputDate, end_date: inputDate })
  .superRefine((range, ctx) => {
    const problem = chargesRangeProblem(range.start_date, range.end_date);
    if (problem) ctx.addIssue({ code: "custom", path: ["end_date"], message: problem });
  });
export type ChargesRange = z.infer<typeof chargesRange>;

const monthDetail = z.object({ quantity: z.number().int(), mrc: decimalString, otc: decimalString.nullable().optional() });

export const comparativeLine = z.object({
  type: z.literal("comparative"),
  name: z.string(),
  alias: z.string(),
  new_this_month: monthDetail,
  existing_this_month: monthDetail,
});
export const simpleLine = z.object({
  type: z.literal("simple"),
  name: z.string(),
  alias: z.string(),
  quantity: z.number().int(),
  amount: decimalString,
});
export const summaryLine = z.discriminatedUnion("type", [comparativeLine, simpleLine]);
export const adjustmentLine = z.object({ amount: decimalString, description: z.string(), event_date: isoDate });

export const totalSummary = z.object({
  new_mrc: decimalString,
  new_otc: decimalString,
  existing_mrc: decimalString,
  other: decimalString,
  credits: decimalString,
  ledger_adjustments: decimalString,
  grand_total: decimalString,
});

export const chargesSummary = z.object({
  user_id: z.string(),
  start_date: isoDate,
  end_date: isoDate,
  user_email: z.string(),
  currency: z.string(),
  summary: z.object({ lines: z.array(summaryLine), adjustments: z.array(adjustmentLine) }),
  total: totalSummary,
});
export const chargesSummaryResponse = z.object({ data: chargesSummary });
export type ChargesSummary = z.infer<typeof chargesSummary>;
export type SummaryLine = z.infer<typeof summaryLine>;

export const serviceDetail = z.object({ cost_type: z.string(), name: z.string(), cost: decimalString });
export const numberBreakdown = z.object({
  tn: z.string(),
  charge_type: z.string(),
  service_owner_user_id: z.string(),
  service_owner_email: z.string(),
  services: z.array(serviceDetail),
});
export const chargesBreakdown = z.object({
  user_id: z.string(),
  start_date: isoDate,
  end_date: isoDate,
  user_email: z.string(),
  currency: z.string(),
  results: z.array(numberBreakdown),
});
export const chargesBreakdownResponse = z.object({ data: chargesBreakdown });
export type ChargesBreakdown = z.infer<typeof chargesBreakdown>;
export type NumberBreakdown = z.infer<typeof numberBreakdown>;
