"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormField, inputClassName } from "@/components/ui/form-field";
import { describeRule, KIND_LABELS, RULE_KINDS, type AlertRule, type Channel, type RuleKind, type RuleParams } from "@/lib/alerts/describe";
import { apiFetch, ApiClientError } from "@/lib/api/fetcher";
import { normalizeAmountInput } from "@/lib/money";
import { alertKeys } from "./queries";

type Field = { key: keyof RuleParams; label: string; hint?: string; type: "amount" | "int" | "number" | "text" | "bool" };

const FIELDS: Record<RuleKind, Field[]> = {
  balance_below: [{ key: "amount", label: "Amount", hint: "In the account's currency, like 50 or 50.00", type: "amount" }],
  runway_below: [{ key: "days", label: "Days", type: "int" }],
  budget: [
    { key: "amount", label: "Monthly budget", hint: "Alerts at 50%, 80% and 100%", type: "amount" },
    { key: "tag", label: "Only this tag (optional)", type: "text" },
    { key: "forecast", label: "Also alert when the month's forecast passes the budget", type: "bool" },
  ],
  anomaly: [
    { key: "factor", label: "Factor over the 14-day median", hint: "Like 3", type: "text" },
    { key: "min_amount", label: "Minimum amount", hint: "A day below this never alerts", type: "amount" },
    { key: "record_type", label: "Only this record type (optional)", hint: "Like messaging or sip-trunking", type: "text" },
  ],
  auto_recharge_frequency: [{ key: "count", label: "More than this many auto-recharges in 24 hours", hint: "Telnyx disrupts service past 10", type: "int" }],
  webhook_failure_rate: [
    { key: "percent", label: "Failure rate above (%)", type: "number" },
    { key: "window_minutes", label: "Over the last (minutes)", type: "int" },
    { key: "url", label: "Only this target URL (optional)", type: "text" },
  ],
};

const DEFAULTS: Record<RuleKind, Record<string, string | boolean>> = {
  balance_below: { amount: "50.00" },
  runway_below: { days: "7" },
  budget: { amount: "500.00", tag: "", forecast: true },
  anomaly: { factor: "3", min_amount: "10.00", record_type: "" },
  auto_recharge_frequency: { count: "5" },
  webhook_failure_rate: { percent: "20", window_minutes: "60", url: "" },
};

function toParams(kind: RuleKind, values: Record<string, string | boolean>): RuleParams {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[kind]) {
    const v = values[f.key];
    if (f.type === "bool") out[f.key] = v === true;
    else if (typeof v === "string" && v.trim() !== "") out[f.key] = f.type === "int" || f.type === "number" ? Number(v) : f.type === "amount" ? normalizeAmountInput(v) : v.trim();
  }
  return out as RuleParams;
}

function toChannel(type: Channel["type"], to: string, url: string, format: "standard" | "slack"): Channel {
  if (type === "email") return { type, to: to.split(",").map((s) => s.trim()).filter(Boolean) };
  if (type === "webhook") return { type, url: url.trim(), format };
  return { type: "log" };
}

type Created = { data: AlertRule };

export function RuleForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<RuleKind>("budget");
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string | boolean>>(DEFAULTS.budget);
  const [channelType, setChannelType] = useState<Channel["type"]>("email");
  const [to, setTo] = useState("");
  const [url, setUrl] = useState("");
  const [format, setFormat] = useState<"standard" | "slack">("standard");
  const [secret, setSecret] = useState<string | null>(null);
  const params = toParams(kind, values);
  const channel = toChannel(channelType, to, url, format);

  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<Created>("/api/alerts/rules", { method: "POST", body: JSON.stringify({ name: name.trim() || KIND_LABELS[kind], kind, params, channels: [channel] }) }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
      const s = created.data.channels.map((c) => (c as { secret?: string }).secret).find(Boolean);
      if (s) setSecret(s);
      else onDone();
    },
  });
  const errors = mutation.error instanceof ApiClientError ? mutation.error.items : [];
  const errorFor = (pointer: string) => errors.find((e) => e.source?.pointer === pointer)?.detail;

  if (secret)
    return (
      <div role="status" className="space-y-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="webhook-secret">
        <p className="font-medium">The rule is saved. This is the webhook&apos;s signing secret, shown this once:</p>
        <p className="flex items-center gap-2">
          <code className="break-all">{secret}</code> <CopyButton value={secret} label="Copy the secret" />
        </p>
        <p className="text-xs text-muted">Receivers verify the webhook-signature header with it (Standard Webhooks); see the README.</p>
        <Button onClick={onDone}>Done</Button>
      </div>
    );

  return (
    <form
      aria-label="New alert rule"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Kind">
          {(p) => (
            <select
              {...p}
              className={inputClassName}
              value={kind}
              onChange={(e) => {
                const k = e.target.value as RuleKind;
                setKind(k);
                setValues(DEFAULTS[k]);
              }}
            >
              {RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Name" hint="Optional; the kind by default" error={errorFor("/name")}>
          {(p) => <input {...p} className={inputClassName} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        {FIELDS[kind].map((f) =>
          f.type === "bool" ? (
            <label key={f.key} className="flex items-center gap-2 text-sm font-medium md:col-span-2">
              <input type="checkbox" className="h-4 w-4 accent-accent" checked={values[f.key] === true} onChange={(e) => setValues({ ...values, [f.key]: e.target.checked })} />
              {f.label}
            </label>
          ) : (
            <FormField key={f.key} label={f.label} hint={f.hint} error={errorFor(`/params/${f.key}`)}>
              {(p) => (
                <input
                  {...p}
                  className={inputClassName}
                  inputMode={f.type === "text" ? undefined : "decimal"}
                  value={String(values[f.key] ?? "")}
                  onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                />
              )}
            </FormField>
          ),
        )}
        <FormField label="Send to">
          {(p) => (
            <select {...p} className={inputClassName} value={channelType} onChange={(e) => setChannelType(e.target.value as Channel["type"])}>
              <option value="email">Email</option>
              <option value="webhook">Webhook</option>
              <option value="log">The server log</option>
            </select>
          )}
        </FormField>
        {channelType === "email" ? (
          <FormField label="Email addresses" hint="Separated by commas" error={errorFor("/channels/0/to") ?? errors.find((e) => e.source?.pointer?.startsWith("/channels/0/to/"))?.detail}>
            {(p) => <input {...p} type="text" className={inputClassName} value={to} onChange={(e) => setTo(e.target.value)} />}
          </FormField>
        ) : channelType === "webhook" ? (
          <>
            <FormField label="Webhook URL" error={errorFor("/channels/0/url")}>
              {(p) => <input {...p} type="url" className={inputClassName} value={url} onChange={(e) => setUrl(e.target.value)} />}
            </FormField>
            <FormField label="Body format">
              {(p) => (
                <select {...p} className={inputClassName} value={format} onChange={(e) => setFormat(e.target.value as "standard" | "slack")}>
                  <option value="standard">Standard Webhooks JSON</option>
                  <option value="slack">Slack-compatible text</option>
                </select>
              )}
            </FormField>
          </>
        ) : null}
      </div>
      <p className="rounded-md border border-border bg-bg p-3 text-sm" data-testid="rule-preview" aria-live="polite">
        {describeRule({ kind, params, channels: [channel] })}
      </p>
      {mutation.error ? (
        <p role="alert" className="text-sm text-danger">
          The rule was not saved: {mutation.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save rule"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
