"use client";

// Firing alerts on the overview, after the other cards. Read in the browser once the page shows
// (not prefetched), so alerts never hold up the first paint nor shift the cards above it; nothing
// shows when all is well.
import { useQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/ui/app-link";
import { alertRulesQuery } from "@/components/alerts/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { describeCondition } from "@/lib/alerts/describe";

export function FiringAlertsCard() {
  const { data } = useQuery(alertRulesQuery);
  const firing = data?.data.filter((r) => r.state === "firing") ?? [];
  if (firing.length === 0) return null;
  return (
    <Card aria-labelledby="firing-alerts-title" className="border-danger/50 md:col-span-2 xl:col-span-3" data-testid="firing-alerts">
      <CardHeader title={<span id="firing-alerts-title">Firing alerts</span>} actions={<AppLink href="/alerts" className="text-sm text-accent underline">All alerts</AppLink>} />
      <ul className="space-y-1 text-sm">
        {firing.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong>: {describeCondition(r.kind, r.params)}.
          </li>
        ))}
      </ul>
    </Card>
  );
}
