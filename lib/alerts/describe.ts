// What the browser and the server both need about alert rules, without zod or server code: the
// kinds, the shapes the API answers, and the plain-language sentence for a rule ("Email finance@…
// when this month's spend on tag `support` is forecast to pass $500.00"), used by the form's
// preview and by the messages sent.
import { formatMoney } from "../money";

export const RULE_KINDS = ["balance_below", "runway_below", "budget", "anomaly", "auto_recharge_frequency", "webhook_failure_rate"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/** The built-in rule's kind: always on, not creatable. */
export const STALE_KIND = "stale_ledger_stream";
export type AnyKind = RuleKind | typeof STALE_KIND;

export const KIND_LABELS: Record<AnyKind, string> = {
  balance_below: "Available credit below an amount",
  runway_below: "Runway below a number of days",
  budget: "Monthly budget",
  anomaly: "Spend anomaly",
  auto_recharge_frequency: "Auto-recharge firing often",
  webhook_failure_rate: "Webhook delivery failures",
  stale_ledger_stream: "Ledger sync stopped (built in)",
};

export type Channel =
  | { type: "email"; to: string[] }
  | { type: "webhook"; url: string; format: "standard" | "slack" }
  | { type: "log" };

export interface RuleParams {
  amount?: string;
  days?: number;
  tag?: string;
  forecast?: boolean;
  factor?: string;
  min_amount?: string;
  record_type?: string;
  count?: number;
  percent?: number;
  window_minutes?: number;
  url?: string;
  hours?: number;
}

export interface LastDelivery {
  channel: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  last_error: string | null;
  at: string;
}

export interface AlertRule {
  id: string;
  name: string;
  kind: AnyKind;
  params: RuleParams;
  channels: Channel[];
  renotify_hours: number;
  muted_until: string | null;
  builtin: boolean;
  state: "ok" | "firing" | "muted";
  last_evaluated_at: string | null;
  last_delivery: LastDelivery | null;
}

export interface AlertEventDelivery {
  channel: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  last_error: string | null;
}

export interface AlertEvent {
  id: string;
  rule_id: string;
  rule_name: string;
  type: "fired" | "resolved";
  at: string;
  figures: Record<string, unknown>;
  summary: string;
  deliveries: AlertEventDelivery[];
}

const money = (amount: string | undefined, currency: string) => {
  if (!amount || !/^-?\d+(\.\d+)?$/.test(amount)) return "an amount";
  try {
    return formatMoney(amount, currency, "en-US");
  } catch {
    return `${amount} ${currency}`;
  }
};

export function describeChannels(channels: Channel[]): string {
  const parts = channels.map((c) =>
    c.type === "email" ? `Email ${c.to.length ? c.to.join(", ") : "(no recipients yet)"}` : c.type === "webhook" ? `Post to ${c.url || "(no URL yet)"}${c.format === "slack" ? " (Slack format)" : ""}` : "Write to the server log",
  );
  if (parts.length === 0) return "Write to the server log";
  return parts.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(" and ");
}

/** The condition in words ("this month's spend on tag `support` is forecast to pass $500.00"). */
export function describeCondition(kind: AnyKind, p: RuleParams, currency = "USD"): string {
  switch (kind) {
    case "balance_below":
      return `the available credit falls below ${money(p.amount, currency)}`;
    case "runway_below":
      return `the available credit would last fewer than ${p.days ?? "N"} ${p.days === 1 ? "day" : "days"} at the last 7 days' spend`;
    case "budget": {
      const scope = p.tag ? `this month's spend on tag \`${p.tag}\`` : "this month's spend";
      return `${scope} reaches 50%, 80% or 100% of ${money(p.amount, currency)}${p.forecast ? `, or is forecast to pass ${money(p.amount, currency)}` : ""}`;
    }
    case "anomaly":
      return `a day's ${p.record_type ? `${p.record_type} ` : ""}spend is more than ${p.factor ?? "N"}× the median of the 14 days before it (and at least ${money(p.min_amount, currency)})`;
    case "auto_recharge_frequency":
      return `auto-recharge fires more than ${p.count ?? "N"} ${p.count === 1 ? "time" : "times"} in 24 hours`;
    case "webhook_failure_rate":
      return `more than ${p.percent ?? "X"}% of webhook deliveries${p.url ? ` to ${p.url}` : " to any URL"} fail over ${p.window_minutes ?? "N"} minutes`;
    case "stale_ledger_stream":
      return "a ledger stream has not synced for 2 hours";
  }
}

export function describeRule(rule: { kind: AnyKind; params: RuleParams; channels: Channel[] }, currency = "USD"): string {
  return `${describeChannels(rule.channels)} when ${describeCondition(rule.kind, rule.params, currency)}.`;
}
