// The alerts page's and overview card's reads (move to lib/query/keys.ts once that key factory is on main).
import { queryOptions } from "@tanstack/react-query";
import type { AlertEvent, AlertRule } from "@/lib/alerts/describe";
import { apiFetch } from "@/lib/api/fetcher";

export const alertKeys = { all: ["alerts"] as const, rules: ["alerts", "rules"] as const, events: ["alerts", "events"] as const };

export const alertRulesQuery = queryOptions({
  queryKey: alertKeys.rules,
  queryFn: () => apiFetch<{ data: AlertRule[] }>("/api/alerts/rules"),
  refetchInterval: 60_000,
});

export const alertEventsQuery = queryOptions({
  queryKey: alertKeys.events,
  queryFn: () => apiFetch<{ data: AlertEvent[] }>("/api/alerts/events?limit=100"),
  refetchInterval: 60_000,
});
