// The webhooks page's URL state, shared by the server page (prefetch) and the client views.
import { createLoader, parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { DELIVERY_STATUSES } from "@/lib/telnyx/contract";

export const DELIVERIES_PAGE_SIZE = 25;
export const HEALTH_WINDOWS = ["24h", "7d", "30d", "range"] as const;
export type HealthWindow = (typeof HEALTH_WINDOWS)[number];

export const webhookSearchParams = {
  status: parseAsStringLiteral(DELIVERY_STATUSES),
  types: parseAsArrayOf(parseAsString).withDefault([]),
  from: parseAsString,
  to: parseAsString,
  webhook: parseAsString.withDefault(""),
  attempts: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
  window: parseAsStringLiteral(HEALTH_WINDOWS).withDefault("7d"),
};

export const loadWebhookSearchParams = createLoader(webhookSearchParams);

type Filters = {
  status: (typeof DELIVERY_STATUSES)[number] | null;
  types: string[];
  from: string | null;
  to: string | null;
  webhook: string;
  attempts: string;
  page: number;
};

/** The webhookDeliveries operation's input for the URL's filters (same object on server and client). */
export function deliveriesQuery(p: Filters) {
  return {
    page: Math.max(1, p.page),
    size: DELIVERIES_PAGE_SIZE,
    ...(p.status ? { status: p.status } : {}),
    ...(p.types.length ? { event_type: p.types.join(",") } : {}),
    ...(p.from ? { started_at_gte: p.from } : {}),
    ...(p.to ? { started_at_lte: p.to } : {}),
    ...(p.webhook.trim() ? { webhook_contains: p.webhook.trim() } : {}),
    ...(p.attempts.trim() ? { attempts_contains: p.attempts.trim() } : {}),
  };
}

export function hasDeliveryFilters(p: Filters): boolean {
  return !!(p.status || p.types.length || p.from || p.to || p.webhook.trim() || p.attempts.trim());
}

const WINDOW_MS: Record<Exclude<HealthWindow, "range">, number> = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };
/** Windows end on a 5-minute boundary so repeated views share the server's cached report. */
const ROUND_MS = 5 * 60_000;

export function healthWindow(window: HealthWindow, list: { from: string | null; to: string | null }, now: number): { from: string; to: string } | null {
  if (window === "range") {
    if (!list.from || !list.to) return null;
    return { from: list.from, to: list.to };
  }
  const to = Math.floor(now / ROUND_MS) * ROUND_MS;
  return { from: new Date(to - WINDOW_MS[window]).toISOString(), to: new Date(to).toISOString() };
}
