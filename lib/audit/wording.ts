// The audit log in words a person reads: each changed field named in plain language with its
// values as money, on/off or names ("Recharge amount $100.00 → $225.00"), and who made a change
// when the dashboard knows (its own action log, matched by time and resource). Pure functions:
// the audit log page and its unit tests share them.
import { PREFERENCE_LABELS, type PaymentPreference } from "@/lib/billing/payment-words";
import { displayPrefs } from "@/lib/display-prefs";
import { Big, DECIMAL_PATTERN, formatMoney } from "@/lib/money";

export interface AuditChange {
  field?: string | null;
  from?: unknown;
  to?: unknown;
}

const FIELD_WORDS: Record<string, string> = {
  recharge_amount: "Recharge amount",
  threshold_amount: "Threshold",
  invoice_enabled: "Invoice for each recharge",
  preference: "Payment method",
  amount: "Amount",
  balance: "Balance",
  auto_recharge: "Auto-recharge",
  credit_limit: "Credit limit",
  tags: "Tags",
  connection_id: "Connection",
  "call_forwarding.forwarding_type": "Call forwarding",
  emergency_enabled: "Emergency calling",
  emergency_address_id: "Emergency address",
  webhook_url: "Webhook URL",
  number_pool_settings: "Number pool settings",
  whitelisted_destinations: "Allowed destinations",
  max_destination_rate: "Maximum destination rate",
  daily_spend_limit: "Daily spend limit",
  daily_spend_limit_enabled: "Daily spend limit",
  role: "Role",
  permissions: "Permissions",
  name: "Name",
};

/** What `enabled` switches, per resource type. */
const ENABLED_WORDS: Record<string, string> = {
  auto_recharge_pref: "Auto-recharge",
  messaging_profile: "Messaging profile",
};

/** Fields holding an amount of money in the account's currency. */
const MONEY_FIELDS = new Set(["recharge_amount", "threshold_amount", "amount", "balance", "credit_limit", "daily_spend_limit", "max_destination_rate"]);

/** "call_forwarding.forwarding_type" → "Call forwarding forwarding type" when no better words are known. */
function humanize(field: string): string {
  const words = field.replace(/[._-]+/g, " ").replace(/\bid\b/g, "ID").replace(/\burl\b/gi, "URL").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(field: string | null | undefined, recordType?: string | null): string {
  if (!field) return "A field";
  if (field === "enabled") return ENABLED_WORDS[recordType ?? ""] ?? "Enabled";
  return FIELD_WORDS[field] ?? humanize(field);
}

function moneyWords(value: unknown, currency: string): string | null {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : null;
  if (text === null || !DECIMAL_PATTERN.test(text)) return null;
  const decimals = text.split(".")[1]?.length ?? 0;
  if (decimals <= 2) return formatMoney(new Big(text).toFixed(2), currency);
  // A rate with fractions of a cent is shown exactly, not rounded to cents.
  return new Intl.NumberFormat(displayPrefs().locale, { style: "currency", currency, maximumFractionDigits: Math.min(decimals, 20) }).format(
    text as unknown as number,
  );
}

/** One value in words: money, on/off, a payment method's name, a list, or the value itself. */
export function valueWords(field: string | null | undefined, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (field && MONEY_FIELDS.has(field)) {
    const money = moneyWords(value, currency);
    if (money) return money;
  }
  if (field === "preference" && typeof value === "string" && value in PREFERENCE_LABELS) return PREFERENCE_LABELS[value as PaymentPreference];
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v))).join(", ");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${humanize(k).toLowerCase()} ${typeof v === "boolean" ? (v ? "on" : "off") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
      .join(", ");
  return String(value);
}

/** One change as a line: "Recharge amount $100.00 → $225.00", "Amount set to $50.00", "Emergency address removed (was …)". */
export function describeChange(change: AuditChange, recordType: string | null | undefined, currency: string): string {
  const label = fieldLabel(change.field, recordType);
  const from = change.from === undefined || change.from === null || change.from === "" ? null : valueWords(change.field, change.from, currency);
  const to = change.to === undefined || change.to === null || change.to === "" ? null : valueWords(change.field, change.to, currency);
  if (from === null && to === null) return `${label} unchanged (empty)`;
  if (from === null) return `${label} set to ${to}`;
  if (to === null) return `${label} removed (was ${from})`;
  return `${label} ${from} → ${to}`;
}

/** An event's changes in a short line for its row; creations and deletions without fields say so. */
export function summarizeChanges(changes: readonly AuditChange[] | null | undefined, recordType: string | null | undefined, changeType: string | null | undefined, currency: string): string {
  if (changes?.length) return changes.map((c) => describeChange(c, recordType, currency)).join("; ");
  return changeType === "create" ? "created" : changeType === "delete" ? "deleted" : "—";
}

export interface ActionForMatch {
  at: string;
  userEmail: string | null;
  action: string;
  params: Record<string, unknown>;
  outcome: string;
}

/** Which of the dashboard's actions write which kind of Telnyx resource. */
const ACTIONS_BY_RECORD_TYPE: Record<string, string> = {
  auto_recharge_pref: "auto_recharge.update",
  payment: "payment.create",
};

/** How far apart the dashboard's action and Telnyx's audit event may be to be the same change. */
export const MATCH_WINDOW_MS = 5 * 60_000;

/**
 * The dashboard user who made a change, when the dashboard made it: its action log's entry of the
 * matching action nearest in time (within MATCH_WINDOW_MS; a payment's amount must agree too).
 * Null when the change came from elsewhere (the Telnyx portal, auto-recharge, another API key).
 */
export function matchActor(
  event: { record_type?: string | null; created_at: string; changes?: readonly AuditChange[] | null },
  actions: readonly ActionForMatch[],
): string | null {
  const action = ACTIONS_BY_RECORD_TYPE[event.record_type ?? ""];
  if (!action) return null;
  const at = Date.parse(event.created_at);
  const amount = event.changes?.find((c) => c.field === "amount")?.to;
  const isRecharge = event.changes?.some((c) => c.field === "auto_recharge" && c.to === true);
  if (isRecharge) return null;
  let best: { email: string; gap: number } | null = null;
  for (const a of actions) {
    if (a.action !== action || a.outcome === "failure" || !a.userEmail) continue;
    const gap = Math.abs(Date.parse(a.at) - at);
    if (!(gap <= MATCH_WINDOW_MS)) continue;
    if (action === "payment.create" && amount !== undefined && typeof a.params.amount === "string") {
      try {
        if (!new Big(a.params.amount).eq(String(amount))) continue;
      } catch {
        continue;
      }
    }
    if (!best || gap < best.gap) best = { email: a.userEmail, gap };
  }
  return best?.email ?? null;
}

/** The presets of the audit log's window: the start of the last N hours from `now`. */
export const AUDIT_PRESETS = [
  { id: "24h", label: "Last 24 hours", hours: 24 },
  { id: "7d", label: "Last 7 days", hours: 24 * 7 },
  { id: "30d", label: "Last 30 days", hours: 24 * 30 },
] as const;

export function presetStart(hours: number, now: number): string {
  return new Date(now - hours * 3_600_000).toISOString();
}
