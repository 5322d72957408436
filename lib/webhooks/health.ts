// Endpoint health over a window, computed from the deliveries Telnyx lists for it: the failure
// rate over time and the target URLs ranked by failed attempts with their most common failure.
// Pure: the route walks the pages, this only counts.
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { attemptOutcome } from "./deliveries";
import { causeCounts, failureCause, type FailureCause } from "./failure-causes";
import { cachedFormatter } from "@/lib/display-prefs";

export interface HealthBucket {
  /** Start of the bucket (ISO, UTC). */
  start: string;
  deliveries: number;
  failed: number;
  /** failed / deliveries, or null for an empty bucket. */
  failureRate: number | null;
}

export interface EndpointHealth {
  url: string;
  attempts: number;
  failures: number;
  failureRate: number;
  /** The most common outcome of its failed attempts ("HTTP 503", "error 75001"…), with its count. */
  topFailure: { outcome: string; count: number } | null;
  /** Its failed attempts counted by cause (lib/webhooks/failure-causes), most frequent first. */
  causes: { cause: FailureCause; label: string; count: number }[];
  lastFailureAt: string | null;
}

export interface HealthReport {
  from: string;
  to: string;
  bucketMs: number;
  deliveries: number;
  failedDeliveries: number;
  deliveryFailureRate: number | null;
  attempts: number;
  failedAttempts: number;
  buckets: HealthBucket[];
  endpoints: EndpointHealth[];
  /** How much of the window was read: Telnyx's total for it, and whether the page cap cut it short. */
  coverage: { loaded: number; total: number; truncated: boolean };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Hourly buckets up to two days, daily beyond. */
export function bucketSizeFor(fromMs: number, toMs: number): number {
  return toMs - fromMs <= 2 * DAY_MS ? HOUR_MS : DAY_MS;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function computeHealth(
  deliveries: readonly WebhookDelivery[],
  window: { from: string; to: string },
  coverage: { total: number; truncated: boolean } = { total: deliveries.length, truncated: false },
): HealthReport {
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const bucketMs = bucketSizeFor(fromMs, toMs);
  const firstBucket = Math.floor(fromMs / bucketMs) * bucketMs;
  const buckets: HealthBucket[] = [];
  for (let t = firstBucket; t <= toMs; t += bucketMs)
    buckets.push({ start: new Date(t).toISOString(), deliveries: 0, failed: 0, failureRate: null });

  const endpoints = new Map<
    string,
    { attempts: number; failures: number; outcomes: Map<string, number>; causes: Partial<Record<FailureCause, number>>; lastFailureAt: number | null }
  >();
  let counted = 0;
  let failedDeliveries = 0;
  let attempts = 0;
  let failedAttempts = 0;

  for (const d of deliveries) {
    const started = d.started_at ? Date.parse(d.started_at) : Number.NaN;
    if (Number.isNaN(started) || started < fromMs || started > toMs) continue;
    counted++;
    const failed = d.status === "failed";
    if (failed) failedDeliveries++;
    const bucket = buckets[Math.floor((started - firstBucket) / bucketMs)];
    if (bucket) {
      bucket.deliveries++;
      if (failed) bucket.failed++;
    }
    for (const a of d.attempts ?? []) {
      const url = a.http?.request?.url ?? "(no URL recorded)";
      let e = endpoints.get(url);
      if (!e) endpoints.set(url, (e = { attempts: 0, failures: 0, outcomes: new Map(), causes: {}, lastFailureAt: null }));
      e.attempts++;
      attempts++;
      if (a.status === "failed") {
        e.failures++;
        failedAttempts++;
        const outcome = attemptOutcome(a);
        e.outcomes.set(outcome, (e.outcomes.get(outcome) ?? 0) + 1);
        const cause = failureCause(a);
        e.causes[cause] = (e.causes[cause] ?? 0) + 1;
        const at = a.started_at ? Date.parse(a.started_at) : Number.NaN;
        if (!Number.isNaN(at) && (e.lastFailureAt === null || at > e.lastFailureAt)) e.lastFailureAt = at;
      }
    }
  }
  for (const b of buckets) b.failureRate = rate(b.failed, b.deliveries);

  const ranked: EndpointHealth[] = [...endpoints].map(([url, e]) => {
    let top: EndpointHealth["topFailure"] = null;
    // Ties go to the outcome named first alphabetically, so the report is stable.
    for (const [outcome, count] of [...e.outcomes].sort(([a], [b]) => a.localeCompare(b)))
      if (!top || count > top.count) top = { outcome, count };
    return {
      url,
      attempts: e.attempts,
      failures: e.failures,
      failureRate: e.failures / e.attempts,
      topFailure: top,
      causes: causeCounts(e.causes),
      lastFailureAt: e.lastFailureAt === null ? null : new Date(e.lastFailureAt).toISOString(),
    };
  });
  ranked.sort((a, b) => b.failures - a.failures || b.failureRate - a.failureRate || a.url.localeCompare(b.url));

  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    bucketMs,
    deliveries: counted,
    failedDeliveries,
    deliveryFailureRate: rate(failedDeliveries, counted),
    attempts,
    failedAttempts,
    buckets,
    endpoints: ranked,
    coverage: { loaded: deliveries.length, total: coverage.total, truncated: coverage.truncated },
  };
}

const hourFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { hour: "2-digit", minute: "2-digit", timeZone: p.timeZone }));
const dayFormat = cachedFormatter((p) => new Intl.DateTimeFormat(p.locale, { month: "short", day: "numeric", timeZone: p.timeZone }));

/** A bucket's label in the chart and its table: the day, and the hour for hourly buckets. */
export function bucketLabel(start: string, hourly: boolean): string {
  const d = new Date(start);
  return hourly ? `${dayFormat().format(d)} ${hourFormat().format(d)}` : dayFormat().format(d);
}
