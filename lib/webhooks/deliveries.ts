// Facts about a webhook delivery that the list, the detail page and the health report all need.
// Telnyx lists attempts most recent first; these helpers never rely on that order.
import type { WebhookAttempt, WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** Attempts oldest first (attempts without a start time keep their relative place at the end). */
export function chronologicalAttempts(delivery: Pick<WebhookDelivery, "attempts">): WebhookAttempt[] {
  return [...(delivery.attempts ?? [])]
    .map((a, i) => ({ a, i, t: time(a.started_at) }))
    .sort((x, y) => {
      const xt = Number.isNaN(x.t) ? Infinity : x.t;
      const yt = Number.isNaN(y.t) ? Infinity : y.t;
      // Same start (or none): the API's order is most recent first, so a later index is older.
      return xt - yt || y.i - x.i;
    })
    .map(({ a }) => a);
}

export function lastAttempt(delivery: Pick<WebhookDelivery, "attempts">): WebhookAttempt | undefined {
  const all = chronologicalAttempts(delivery);
  return all[all.length - 1];
}

/** Milliseconds between two ISO times, or null when either is missing. */
export function durationMs(startedAt?: string, finishedAt?: string): number | null {
  const ms = time(finishedAt) - time(startedAt);
  return Number.isNaN(ms) ? null : Math.max(0, ms);
}

/** From the first attempt's start to the last response. */
export function deliveryDurationMs(d: Pick<WebhookDelivery, "started_at" | "finished_at" | "attempts">): number | null {
  const attempts = chronologicalAttempts(d);
  return durationMs(d.started_at ?? attempts[0]?.started_at, d.finished_at ?? attempts[attempts.length - 1]?.finished_at);
}

export function responseStatus(a: WebhookAttempt | undefined): number | null {
  return a?.http?.response?.status ?? null;
}

/** What an attempt ended with, in a few words: "HTTP 404", "error 75001", "no response". */
export function attemptOutcome(a: WebhookAttempt): string {
  const status = responseStatus(a);
  if (status !== null) return `HTTP ${status}`;
  if (a.errors?.length) return `error ${a.errors.join(", ")}`;
  return "no response";
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 10_000) return `${(Math.round(ms / 10) / 100).toFixed(2)} s`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return `${minutes} min ${seconds} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The body Telnyx POSTs to the endpoint: the event wrapped in `data`. */
export function webhookRequestBody(d: Pick<WebhookDelivery, "webhook">): string {
  return JSON.stringify({ data: d.webhook ?? {} });
}
