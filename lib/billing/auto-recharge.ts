// Auto-recharge in plain terms: what changed between Telnyx's saved state and the form, and the
// rule written as a sentence. No zod here: the form's schema is in ./auto-recharge-schema.ts, which
// the browser loads only around the form's first validation.
// Pure functions: the settings card and its unit tests share them.
import { Big, DECIMAL_PATTERN, formatMoney } from "@/lib/money";
import type { AutoRechargePrefs, AutoRechargeUpdate } from "@/lib/telnyx/schemas/auto-recharge";
import { PREFERENCE_LABELS, type PaymentPreference } from "./payment-words";

export { PREFERENCE_LABELS, type PaymentPreference };

/** Every field of the form; the PATCH body is the subset that changed. */
export interface AutoRechargeFormValues {
  enabled: boolean;
  threshold_amount: string;
  recharge_amount: string;
  preference: PaymentPreference;
  invoice_enabled: boolean;
}

export const FIELD_LABELS: Record<keyof AutoRechargeFormValues, string> = {
  enabled: "Auto-recharge",
  threshold_amount: "Threshold",
  recharge_amount: "Recharge amount",
  preference: "Payment method",
  invoice_enabled: "Invoice for each recharge",
};

const FIELD_ORDER: (keyof AutoRechargeFormValues)[] = [
  "enabled",
  "threshold_amount",
  "recharge_amount",
  "preference",
  "invoice_enabled",
];

/** "104.5" from Telnyx shows as "104.50"; amounts with more decimals are left as they are. */
function asFormAmount(amount: string): string {
  return DECIMAL_PATTERN.test(amount) && (amount.split(".")[1]?.length ?? 0) <= 2 ? new Big(amount).toFixed(2) : amount;
}

/** The form's starting values from what Telnyx has (fields Telnyx leaves out get their defaults). */
export function toFormValues(prefs: AutoRechargePrefs): AutoRechargeFormValues {
  return {
    enabled: prefs.enabled,
    threshold_amount: asFormAmount(prefs.threshold_amount),
    recharge_amount: asFormAmount(prefs.recharge_amount),
    preference: prefs.preference ?? "credit_paypal",
    invoice_enabled: prefs.invoice_enabled ?? false,
  };
}

function sameValue(field: keyof AutoRechargeFormValues, a: unknown, b: unknown): boolean {
  if ((field === "threshold_amount" || field === "recharge_amount") && typeof a === "string" && typeof b === "string") {
    const x = a.trim();
    const y = b.trim();
    if (DECIMAL_PATTERN.test(x) && DECIMAL_PATTERN.test(y)) return new Big(x).eq(y);
    return x === y;
  }
  return a === b;
}

/** The PATCH body: only the fields whose value differs from what Telnyx has. */
export function changedFields(saved: AutoRechargeFormValues, next: AutoRechargeFormValues): AutoRechargeUpdate {
  const body: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) {
    if (!sameValue(field, saved[field], next[field]))
      body[field] = typeof next[field] === "string" ? (next[field] as string).trim() : next[field];
  }
  return body as AutoRechargeUpdate;
}

/** One field's value as a person reads it. */
export function displayValue(field: keyof AutoRechargeFormValues, value: unknown, currency: string): string {
  switch (field) {
    case "enabled":
      return value ? "On" : "Off";
    case "invoice_enabled":
      return value ? "Yes" : "No";
    case "preference":
      return PREFERENCE_LABELS[value as PaymentPreference] ?? String(value);
    default:
      return typeof value === "string" && DECIMAL_PATTERN.test(value) ? formatMoney(value, currency) : String(value);
  }
}

export interface FieldChange {
  field: keyof AutoRechargeFormValues;
  label: string;
  from: string;
  to: string;
}

/** old → new, in words, for the confirmation before saving. */
export function describeChanges(saved: AutoRechargeFormValues, body: AutoRechargeUpdate, currency: string): FieldChange[] {
  return FIELD_ORDER.filter((field) => field in body).map((field) => ({
    field,
    label: FIELD_LABELS[field],
    from: displayValue(field, saved[field], currency),
    to: displayValue(field, body[field], currency),
  }));
}

/** The balance auto-recharge tops up to: threshold + recharge amount (Telnyx's rule). */
export function topUpTarget(threshold: string, recharge: string): string {
  return new Big(threshold).plus(recharge).toFixed(2);
}

const isAmount = (v: string) => DECIMAL_PATTERN.test(v.trim());

/**
 * The rule as it will be saved, in one sentence: "When your balance falls below $104.00, we charge
 * your PayPal/credit card so the balance reaches $208.00." null while an amount is not a number.
 */
export function describeRule(values: AutoRechargeFormValues, currency: string): string | null {
  if (!values.enabled) return "Auto-recharge is off: your balance is never topped up automatically.";
  if (!isAmount(values.threshold_amount) || !isAmount(values.recharge_amount)) return null;
  const threshold = formatMoney(new Big(values.threshold_amount.trim()).toFixed(2), currency);
  const target = formatMoney(topUpTarget(values.threshold_amount.trim(), values.recharge_amount.trim()), currency);
  const method = PREFERENCE_LABELS[values.preference];
  return `When your balance falls below ${threshold}, we charge your ${method} so the balance reaches ${target}.`;
}

/**
 * When the balance is already below the new threshold, saving arms a recharge at once: say so,
 * with roughly how much it will charge. null when nothing fires right away.
 */
export function describeImmediateRecharge(values: AutoRechargeFormValues, balance: string, currency: string): string | null {
  if (!values.enabled || !isAmount(values.threshold_amount) || !isAmount(values.recharge_amount) || !isAmount(balance)) return null;
  const threshold = new Big(values.threshold_amount.trim());
  if (new Big(balance).gte(threshold)) return null;
  const charge = new Big(topUpTarget(values.threshold_amount.trim(), values.recharge_amount.trim())).minus(balance).toFixed(2);
  return `Your balance (${formatMoney(balance, currency)}) is already below ${formatMoney(threshold.toFixed(2), currency)}, so Telnyx is likely to charge about ${formatMoney(charge, currency)} soon after you save.`;
}

export interface SaveResult {
  /** Each field that was sent: what it was → what Telnyx now has. */
  changes: FieldChange[];
  /** Labels of the fields Telnyx stored differently from what was sent. */
  differs: string[];
}

/** What a save did, from Telnyx's answer (not from what was sent). */
export function describeSaveResult(
  before: AutoRechargeFormValues,
  sent: AutoRechargeUpdate,
  stored: AutoRechargeFormValues,
  currency: string,
): SaveResult {
  const fields = FIELD_ORDER.filter((field) => field in sent);
  return {
    changes: fields.map((field) => ({
      field,
      label: FIELD_LABELS[field],
      from: displayValue(field, before[field], currency),
      to: displayValue(field, stored[field], currency),
    })),
    differs: fields.filter((field) => !sameValue(field, sent[field], stored[field])).map((field) => FIELD_LABELS[field]),
  };
}
