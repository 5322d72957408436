// The alerts page's and overview card's reads; their keys come from the one factory (lib/query/keys.ts).
import { queryOptions } from "@tanstack/react-query";
import type { AlertEvent, AlertRule } from "@/lib/alerts/describe";
import { apiFetch } from "@/lib/api/fetcher";
import { queryKeys } from "@/lib/query/keys";

export const alertKeys = {
  all: queryKeys.dashboard.family("alerts"),
  rules: queryKeys.dashboard.alertRules(),
  events: queryKeys.dashboard.alertEvents(),
};

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
