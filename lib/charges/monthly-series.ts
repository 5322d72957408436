import "server-only";
import pLimit from "p-limit";
import { z } from "zod";
import { runOperation } from "@/lib/telnyx/run";
import { wholeNumberIn } from "@/lib/telnyx/schemas/common";
import { lastMonths, monthRange } from "./months";
import { monthlyPoint, type MonthlyChargesSeries } from "./monthly";

export const MAX_SERIES_MONTHS = 24;
/** What GET /api/charges/monthly accepts. */
export const monthlySeriesQuery = z.object({
  months: wholeNumberIn(1, MAX_SERIES_MONTHS).default(12),
});

/** At most this many charges_summary calls in flight at once for one series. */
const CONCURRENCY = 4;

/**
 * The last `months` months' charges by kind, oldest first: one charges_summary call per calendar
 * month (each ≤ 31 days), in parallel up to CONCURRENCY, each cached per month by the operation cache.
 */
export async function loadMonthlySeries(months: number, now = new Date()): Promise<MonthlyChargesSeries> {
  const limit = pLimit(CONCURRENCY);
  const tasks = lastMonths(months, now).map((month) =>
    limit(async () => monthlyPoint(month, (await runOperation("chargesSummary", monthRange(month))).data)),
  );
  try {
    return { data: await Promise.all(tasks) };
  } catch (error) {
    limit.clearQueue(); // one month failed: the series fails, so don't start the months still queued
    throw error;
  }
}
