import "server-only";
import pLimit from "p-limit";
import { z } from "zod";
import { cachedRead } from "@/lib/telnyx/read-cache";
import { runOperation } from "@/lib/telnyx/run";
import { inputDateTime } from "@/lib/telnyx/schemas/common";
import { WEBHOOK_PAGE_CAP, type WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { computeHealth, DAY_MS, type HealthReport } from "./health";

/** At most this many pages of 250 are read for one report (5,000 deliveries). */
export const HEALTH_MAX_PAGES = 20;
const MAX_WINDOW_DAYS = 92;
const REPORT_TTL_MS = 60_000;

export const healthQuery = z
  .object({ from: inputDateTime, to: inputDateTime })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { path: ["to"], message: "must be after from" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_WINDOW_DAYS * DAY_MS, {
    path: ["from"],
    message: `the window can be at most ${MAX_WINDOW_DAYS} days`,
  });
export type HealthQuery = z.infer<typeof healthQuery>;

type PageReader = (page: number) => Promise<{ data: WebhookDelivery[]; meta: { total_pages: number; total_results: number } }>;

/** Reads up to `maxPages` pages (the first alone, the rest a few at a time) and aggregates them. */
export async function buildHealthReport(q: HealthQuery, readPage: PageReader, maxPages = HEALTH_MAX_PAGES): Promise<HealthReport> {
  const first = await readPage(1);
  const pages = Math.min(first.meta.total_pages, maxPages);
  const limit = pLimit(3);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => limit(() => readPage(i + 2))));
  const deliveries = [first, ...rest].flatMap((p) => p.data);
  return computeHealth(deliveries, q, { total: first.meta.total_results, truncated: first.meta.total_pages > pages });
}

/** The report for a window, cached for a minute (the UI rounds windows so they repeat). */
export function webhookHealthReport(q: HealthQuery): Promise<HealthReport> {
  const from = new Date(q.from).toISOString();
  const to = new Date(q.to).toISOString();
  return cachedRead(`webhookHealth:${from}:${to}`, REPORT_TTL_MS, async () => {
    const value = await buildHealthReport({ from, to }, (page) =>
      runOperation("webhookDeliveries", { page, size: WEBHOOK_PAGE_CAP, started_at_gte: from, started_at_lte: to }),
    );
    return { value, size: JSON.stringify(value).length };
  });
}
