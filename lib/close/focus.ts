// A month as a FinOps FOCUS 1.2 cost-and-usage dataset: one row per charges-summary line and per
// adjustment, so sum(BilledCost) equals the summary's grand total. Every column FOCUS 1.2 marks
// Mandatory, the Recommended ChargeFrequency and InvoiceId, the Conditional ConsumedQuantity/Unit,
// and Telnyx's own facts in x_ columns. Decimals are plain strings; times ISO 8601 UTC with Z.
import { lineAmount, toDecimalString } from "@/lib/charges/totals";
import { Big } from "@/lib/money";
import type { ChargesSummary, SummaryLine } from "@/lib/telnyx/schemas/charges";
import { FAMILY_FOCUS, lineFamily, lineRecordType } from "./lines";
import type { MonthBounds } from "./month";

export const FOCUS_MANDATORY_COLUMNS = [
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "ContractedCost",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "ServiceCategory",
  "ServiceName",
] as const;

export const FOCUS_COLUMNS = [
  ...FOCUS_MANDATORY_COLUMNS,
  "ChargeFrequency",
  "InvoiceId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "x_TelnyxAlias",
  "x_TelnyxChargeKind",
  "x_RecordType",
  "x_Tags",
] as const;

export type FocusColumn = (typeof FOCUS_COLUMNS)[number];
export type FocusRow = Record<FocusColumn, string>;

/** FOCUS 1.2's allowed values of the columns with a closed list. */
export const FOCUS_ALLOWED = {
  ChargeCategory: ["Usage", "Purchase", "Tax", "Credit", "Adjustment"],
  ChargeClass: ["", "Correction"],
  ChargeFrequency: ["One-Time", "Recurring", "Usage-Based"],
  ServiceCategory: [
    "AI and Machine Learning",
    "Analytics",
    "Business Applications",
    "Compute",
    "Databases",
    "Developer Tools",
    "Multicloud",
    "Identity",
    "Integration",
    "Internet of Things",
    "Management and Governance",
    "Media",
    "Migration",
    "Mobile",
    "Networking",
    "Security",
    "Storage",
    "Web",
    "Other",
  ],
} as const satisfies Partial<Record<FocusColumn, readonly string[]>>;

export const PROVIDER = "Telnyx";

const at = (day: string) => `${day}T00:00:00Z`;
const nextDay = (day: string) => new Date(Date.parse(at(day)) + 86_400_000).toISOString().slice(0, 10);

/** The unit a usage line is priced in, from its name. */
function usageUnit(line: { name: string; alias: string }): string {
  if (/\(mb\)|\bmb\b/i.test(line.name)) return "MB";
  if (/minute/i.test(line.name)) return "Minutes";
  if (/sms|mms|message/i.test(line.name)) return "Messages";
  if (/10dlc|campaign/i.test(`${line.alias} ${line.name}`)) return "Campaigns";
  return "Requests";
}

export interface FocusInput {
  bounds: MonthBounds;
  summary: ChargesSummary;
  invoiceId: string | null;
  tagsByType: Record<string, string[]>;
}

function lineRow(line: SummaryLine, base: Omit<FocusRow, "BilledCost" | "ContractedCost" | "EffectiveCost" | "ListCost">, tagsByType: Record<string, string[]>): FocusRow {
  const cost = toDecimalString(lineAmount(line));
  const family = FAMILY_FOCUS[lineFamily(line)];
  const money = { BilledCost: cost, ContractedCost: cost, EffectiveCost: cost, ListCost: cost };
  const common = { ...base, ...money, ServiceCategory: family.category, ServiceName: family.service, ChargeDescription: line.name, x_TelnyxAlias: line.alias };
  if (line.type === "comparative") {
    const otc = new Big(line.new_this_month.otc ?? "0").plus(line.existing_this_month.otc ?? "0");
    const quantity = line.new_this_month.quantity + line.existing_this_month.quantity;
    return {
      ...common,
      ChargeCategory: "Purchase",
      ChargeFrequency: "Recurring",
      PricingQuantity: String(quantity),
      PricingUnit: "Numbers",
      x_TelnyxChargeKind: otc.gt(0) ? "MRC+OTC" : "MRC",
    };
  }
  const type = lineRecordType(line);
  const unit = usageUnit(line);
  if (!type)
    return { ...common, ChargeCategory: "Purchase", ChargeFrequency: "Recurring", PricingQuantity: String(line.quantity), PricingUnit: unit, x_TelnyxChargeKind: "fee" };
  return {
    ...common,
    ChargeCategory: "Usage",
    ChargeFrequency: "Usage-Based",
    PricingQuantity: String(line.quantity),
    PricingUnit: unit,
    ConsumedQuantity: String(line.quantity),
    ConsumedUnit: unit,
    x_TelnyxChargeKind: "usage",
    x_RecordType: type,
    x_Tags: JSON.stringify(tagsByType[type] ?? []),
  };
}

export function focusRows(input: FocusInput): FocusRow[] {
  const { bounds, summary } = input;
  const base: Omit<FocusRow, "BilledCost" | "ContractedCost" | "EffectiveCost" | "ListCost"> = {
    BillingAccountId: summary.user_id,
    BillingAccountName: summary.user_email,
    BillingCurrency: summary.currency,
    BillingPeriodStart: at(bounds.start),
    BillingPeriodEnd: at(bounds.end),
    ChargePeriodStart: at(bounds.start),
    ChargePeriodEnd: at(bounds.end),
    ChargeCategory: "",
    ChargeClass: "",
    ChargeDescription: "",
    InvoiceIssuerName: PROVIDER,
    ProviderName: PROVIDER,
    PublisherName: PROVIDER,
    PricingQuantity: "",
    PricingUnit: "",
    ServiceCategory: "",
    ServiceName: "",
    ChargeFrequency: "",
    InvoiceId: input.invoiceId ?? "",
    ConsumedQuantity: "",
    ConsumedUnit: "",
    x_TelnyxAlias: "",
    x_TelnyxChargeKind: "",
    x_RecordType: "",
    x_Tags: "",
  };
  const rows = summary.summary.lines.map((l) => lineRow(l, base, input.tagsByType));
  for (const a of [...summary.summary.adjustments].sort((x, y) => x.event_date.localeCompare(y.event_date))) {
    const cost = toDecimalString(new Big(a.amount));
    const credit = cost.startsWith("-");
    rows.push({
      ...base,
      BilledCost: cost,
      ContractedCost: cost,
      EffectiveCost: cost,
      ListCost: cost,
      ChargeCategory: credit ? "Credit" : "Adjustment",
      ChargeFrequency: "One-Time",
      ChargeDescription: a.description,
      ChargePeriodStart: at(a.event_date),
      ChargePeriodEnd: at(nextDay(a.event_date)),
      ServiceCategory: FAMILY_FOCUS.other.category,
      ServiceName: "Adjustments",
      x_TelnyxChargeKind: credit ? "credit" : "ledger_adjustment",
    });
  }
  return rows;
}
