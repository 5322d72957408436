"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { inputClassName } from "@/components/ui/form-field";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { EmptyState } from "@/components/ui/states";
import { describeRule, KIND_LABELS, type AlertRule } from "@/lib/alerts/describe";
import { apiFetch } from "@/lib/api/fetcher";
import { formatDateTime } from "@/lib/format";
import { alertEventsQuery, alertKeys, alertRulesQuery } from "./queries";
import { RuleForm } from "./rule-form";

const MUTE_FOR = [
  ["1 hour", 1],
  ["8 hours", 8],
  ["1 day", 24],
  ["1 week", 168],
] as const;

export function StateBadge({ state }: { state: AlertRule["state"] }) {
  return <Badge tone={state === "firing" ? "danger" : state === "muted" ? "warning" : "success"}>{state}</Badge>;
}

function RuleActions({ rule }: { rule: AlertRule }) {
  const queryClient = useQueryClient();
  const [muteHours, setMuteHours] = useState("24");
  const [result, setResult] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.all });
  const test = useMutation({
    mutationFn: () => apiFetch<{ data: { channel: string; status: string; last_error: string | null }[] }>(`/api/alerts/rules/${rule.id}/test`, { method: "POST" }),
    onSuccess: (r) => {
      setResult(r.data.map((d) => `${d.channel}: ${d.status === "sent" ? "sent" : `not sent yet (${d.last_error ?? d.status})`}`).join("; "));
      void refresh();
    },
    onError: (e) => setResult(`The test was not sent: ${e.message}`),
  });
  const patch = useMutation({
    mutationFn: (muted_until: string | null) => apiFetch(`/api/alerts/rules/${rule.id}`, { method: "PATCH", body: JSON.stringify({ muted_until }) }),
    onSuccess: () => void refresh(),
    onError: (e) => setResult(e.message),
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/alerts/rules/${rule.id}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
    onError: (e) => setResult(e.message),
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" disabled={test.isPending} onClick={() => test.mutate()}>
          {test.isPending ? "Sending…" : "Send a test"}
        </Button>
        {rule.state === "muted" ? (
          <Button size="sm" variant="secondary" onClick={() => patch.mutate(null)}>
            Unmute
          </Button>
        ) : (
          <span className="flex items-center gap-1">
            <select aria-label={`Mute ${rule.name} for`} className={`${inputClassName} h-8 w-28`} value={muteHours} onChange={(e) => setMuteHours(e.target.value)}>
              {MUTE_FOR.map(([label, h]) => (
                <option key={h} value={h}>
                  {label}
                </option>
              ))}
            </select>
            <Button size="sm" variant="secondary" onClick={() => patch.mutate(new Date(Date.now() + Number(muteHours) * 3_600_000).toISOString())}>
              Mute
            </Button>
          </span>
        )}
        {rule.builtin ? null : (
          <Button size="sm" variant="ghost" onClick={() => confirm(`Delete the rule "${rule.name}"?`) && remove.mutate()}>
            Delete
          </Button>
        )}
      </div>
      {result ? (
        <p role="status" className="text-xs" data-testid="test-result">
          {result}
        </p>
      ) : null}
    </div>
  );
}

function RulesList({ canEdit }: { canEdit: boolean }) {
  const { data } = useSuspenseQuery(alertRulesQuery);
  if (data.data.length === 0) return <EmptyState title="No alert rules yet" />;
  return (
    <ul className="divide-y divide-border" aria-label="Alert rules">
      {data.data.map((rule) => (
        <li key={rule.id} className="space-y-1 py-3" data-testid="alert-rule">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{rule.name}</h3>
            <StateBadge state={rule.state} />
            <span className="text-xs text-muted">{KIND_LABELS[rule.kind]}</span>
          </div>
          <p className="text-sm">{describeRule(rule)}</p>
          <p className="text-xs text-muted">
            Last evaluated {rule.last_evaluated_at ? formatDateTime(rule.last_evaluated_at) : "never"}
            {rule.muted_until ? ` · muted until ${formatDateTime(rule.muted_until)}` : ""}
            {" · "}
            {rule.last_delivery ? (
              <span className={rule.last_delivery.status === "sent" ? "" : "text-danger"}>
                last delivery {rule.last_delivery.status} ({rule.last_delivery.channel}, {formatDateTime(rule.last_delivery.at)}
                {rule.last_delivery.last_error ? `: ${rule.last_delivery.last_error}` : ""})
              </span>
            ) : (
              "no delivery yet"
            )}
          </p>
          {canEdit ? <RuleActions rule={rule} /> : null}
        </li>
      ))}
    </ul>
  );
}

function History() {
  const { data } = useSuspenseQuery(alertEventsQuery);
  if (data.data.length === 0) return <EmptyState title="No alerts have fired yet" />;
  return (
    <ul className="divide-y divide-border" aria-label="Alert history">
      {data.data.map((e) => (
        <li key={e.id} className="space-y-1 py-2 text-sm" data-testid="alert-event">
          <p>
            <Badge tone={e.type === "fired" ? "danger" : "success"}>{e.type}</Badge> <strong>{e.rule_name}</strong> · {formatDateTime(e.at)}
          </p>
          <p className="text-xs text-muted">
            {Object.entries(e.figures)
              .map(([k, v]) => `${k.replaceAll("_", " ")}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
              .join(" · ")}
          </p>
          <p className="text-xs">
            {e.deliveries.length === 0
              ? "No deliveries."
              : e.deliveries.map((d) => `${d.channel}: ${d.status}, ${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"}${d.last_error ? ` (${d.last_error})` : ""}`).join("; ")}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function AlertsView({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const evaluate = useMutation({
    mutationFn: () => apiFetch<{ data: { fired: string[]; resolved: string[] } }>("/api/alerts/evaluate", { method: "POST" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
  return (
    <div className="space-y-4">
      <Card aria-labelledby="rules-title">
        <CardHeader
          title={<span id="rules-title">Rules</span>}
          description="Each rule alerts once when its condition starts, again when it gets worse or after its reminder interval, and when it clears."
          actions={
            canEdit ? (
              <>
                <Button size="sm" variant="secondary" disabled={evaluate.isPending} onClick={() => evaluate.mutate()}>
                  {evaluate.isPending ? "Evaluating…" : "Evaluate now"}
                </Button>
                {creating ? null : (
                  <Button size="sm" onClick={() => setCreating(true)}>
                    New rule
                  </Button>
                )}
              </>
            ) : null
          }
        />
        {evaluate.data ? (
          <p role="status" className="mb-2 text-sm">
            Evaluated: {evaluate.data.data.fired.length} fired, {evaluate.data.data.resolved.length} resolved.
          </p>
        ) : null}
        {!canEdit ? <p className="mb-2 text-sm text-muted">You can view the rules. Only an account owner can change them.</p> : null}
        {creating ? (
          <div className="mb-4 rounded-md border border-border p-3">
            <RuleForm onDone={() => setCreating(false)} />
          </div>
        ) : null}
        <QueryBoundary label="the alert rules">
          <RulesList canEdit={canEdit} />
        </QueryBoundary>
      </Card>
      <Card aria-labelledby="history-title">
        <CardHeader title={<span id="history-title">History</span>} description="Alerts that fired or resolved, with what was sent" />
        <QueryBoundary label="the alert history">
          <History />
        </QueryBoundary>
      </Card>
    </div>
  );
}
