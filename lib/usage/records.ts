// How each kind of usage detail record is shown and exported: its columns, the field holding its
// time, its cost and its tags. Record types follow the contract's schemas (MessageDetailRecord,
// ConferenceDetailRecord, …); types the contract has no schema for fall back to their own keys.
import { Big } from "@/lib/money";
import { DATE_RANGES, type DetailRecordType } from "@/lib/telnyx/contract";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";

export type ColumnKind = "time" | "text" | "number" | "money" | "bool" | "tags" | "status";

export interface UsageColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface RecordTypeLayout {
  /** The record's timestamp field, shown first. */
  timeField: string;
  /** The field holding what the record cost (a decimal string; wireless sends a number). */
  costField: string | null;
  /** The field holding comma-separated user tags, if the type has one. */
  tagsField: string | null;
  columns: UsageColumn[];
  /** Every field the contract defines, in its order: the CSV's columns. */
  fields: string[];
}

const c = (key: string, label: string, kind: ColumnKind = "text"): UsageColumn => ({ key, label, kind });

const LAYOUTS: Partial<Record<DetailRecordType, RecordTypeLayout>> = {
  messaging: {
    timeField: "created_at",
    costField: "cost",
    tagsField: "tags",
    columns: [
      c("created_at", "Time", "time"),
      c("direction", "Direction"),
      c("cli", "From"),
      c("cld", "To"),
      c("country_code", "Country"),
      c("status", "Status", "status"),
      c("parts", "Parts", "number"),
      c("rate", "Rate", "money"),
      c("cost", "Cost", "money"),
      c("currency", "Currency"),
      c("tags", "Tags", "tags"),
    ],
    fields: [
      "uuid", "user_id", "created_at", "sent_at", "completed_at", "updated_at", "direction", "message_type", "cli", "cld",
      "source_country_code", "country_code", "carrier", "mcc", "mnc", "status", "delivery_status", "parts", "rate",
      "carrier_fee", "cost", "currency", "tags", "profile_id", "profile_name", "on_net", "fteu", "errors",
      "delivery_status_webhook_url", "delivery_status_failover_url", "record_type",
    ],
  },
  conference: {
    timeField: "started_at",
    costField: null,
    tagsField: null,
    columns: [
      c("started_at", "Started", "time"),
      c("ended_at", "Ended", "time"),
      c("name", "Name"),
      c("region", "Region"),
      c("call_sec", "Duration (s)", "number"),
      c("participant_count", "Participants", "number"),
      c("participant_call_sec", "Participant time (s)", "number"),
      c("is_telnyx_billable", "Billable", "bool"),
    ],
    fields: [
      "id", "name", "user_id", "started_at", "ended_at", "expires_at", "region", "call_leg_id", "call_session_id",
      "connection_id", "call_sec", "participant_count", "participant_call_sec", "is_telnyx_billable", "record_type",
    ],
  },
  "conference-participant": {
    timeField: "joined_at",
    costField: "cost",
    tagsField: null,
    columns: [
      c("joined_at", "Joined", "time"),
      c("left_at", "Left", "time"),
      c("originating_number", "From"),
      c("destination_number", "To"),
      c("call_sec", "Duration (s)", "number"),
      c("billed_sec", "Billed (s)", "number"),
      c("rate", "Rate", "money"),
      c("rate_measured_in", "Per"),
      c("cost", "Cost", "money"),
      c("currency", "Currency"),
    ],
    fields: [
      "id", "user_id", "conference_id", "joined_at", "left_at", "originating_number", "destination_number", "call_leg_id",
      "call_session_id", "call_sec", "billed_sec", "is_telnyx_billable", "rate", "rate_measured_in", "cost", "currency",
      "record_type",
    ],
  },
  amd: {
    timeField: "invoked_at",
    costField: "cost",
    tagsField: "tags",
    columns: [
      c("invoked_at", "Time", "time"),
      c("feature", "Feature"),
      c("connection_name", "Connection"),
      c("billing_group_name", "Billing group"),
      c("rate", "Rate", "money"),
      c("rate_measured_in", "Per"),
      c("cost", "Cost", "money"),
      c("currency", "Currency"),
      c("tags", "Tags", "tags"),
    ],
    fields: [
      "id", "invoked_at", "feature", "tags", "billing_group_id", "billing_group_name", "connection_id", "connection_name",
      "call_leg_id", "call_session_id", "is_telnyx_billable", "rate", "rate_measured_in", "cost", "currency", "record_type",
    ],
  },
  verify: {
    timeField: "created_at",
    costField: "verify_usage_fee",
    tagsField: null,
    columns: [
      c("created_at", "Time", "time"),
      c("destination_phone_number", "To"),
      c("verify_channel_type", "Channel"),
      c("delivery_status", "Delivery", "status"),
      c("verification_status", "Verification", "status"),
      c("rate", "Rate", "money"),
      c("rate_measured_in", "Per"),
      c("verify_usage_fee", "Cost", "money"),
      c("currency", "Currency"),
    ],
    fields: [
      "id", "verify_profile_id", "created_at", "updated_at", "destination_phone_number", "verify_channel_type",
      "verify_channel_id", "delivery_status", "verification_status", "rate", "rate_measured_in", "verify_usage_fee",
      "currency", "record_type",
    ],
  },
  wireless: {
    timeField: "created_at",
    costField: "data_cost",
    tagsField: "sim_card_tags",
    columns: [
      c("created_at", "Started", "time"),
      c("closed_at", "Closed", "time"),
      c("phone_number", "Number"),
      c("sim_group_name", "SIM group"),
      c("uplink_data", "Up", "number"),
      c("downlink_data", "Down", "number"),
      c("data_unit", "Unit"),
      c("data_rate", "Rate", "money"),
      c("data_cost", "Cost", "money"),
      c("currency", "Currency"),
      c("sim_card_tags", "Tags", "tags"),
    ],
    fields: [
      "id", "created_at", "closed_at", "sim_card_id", "sim_group_id", "sim_group_name", "phone_number", "imsi", "ip_address",
      "mcc", "mnc", "uplink_data", "downlink_data", "data_unit", "data_rate", "data_cost", "currency", "sim_card_tags",
      "record_type",
    ],
  },
  media_storage: {
    timeField: "created_at",
    costField: "cost",
    tagsField: null,
    columns: [
      c("created_at", "Time", "time"),
      c("action_type", "Action"),
      c("asset_id", "Asset"),
      c("status", "Status", "status"),
      c("link_channel_type", "Channel"),
      c("rate", "Rate", "money"),
      c("rate_measured_in", "Per"),
      c("cost", "Cost", "money"),
      c("currency", "Currency"),
    ],
    fields: [
      "id", "created_at", "asset_id", "user_id", "org_id", "action_type", "link_channel_type", "link_channel_id", "status",
      "webhook_id", "rate", "rate_measured_in", "cost", "currency", "record_type",
    ],
  },
};

const MAX_GENERIC_COLUMNS = 10;

/** Record types the contract publishes a schema for (the others are shown by their own keys). */
export function hasKnownLayout(type: DetailRecordType): boolean {
  return LAYOUTS[type] !== undefined;
}

/**
 * The layout of a record type. Types without a schema in the contract get one built from the
 * records themselves: a time field, cost and currency if present, then their other keys.
 */
export function layoutFor(type: DetailRecordType, sample: readonly DetailRecord[] = []): RecordTypeLayout {
  const known = LAYOUTS[type];
  if (known) return known;
  const keys: string[] = [];
  for (const r of sample.slice(0, 50)) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const timeField = keys.find((k) => k.endsWith("_at")) ?? "created_at";
  const costField = keys.includes("cost") ? "cost" : null;
  const tagsField = keys.includes("tags") ? "tags" : null;
  const rest = keys.filter((k) => ![timeField, "cost", "rate", "currency", "tags", "record_type"].includes(k));
  const columns = [
    c(timeField, "Time", "time"),
    ...rest.slice(0, MAX_GENERIC_COLUMNS - 5).map((k) => c(k, labelFromKey(k), k.endsWith("_at") ? "time" : "text")),
    ...(keys.includes("rate") ? [c("rate", "Rate", "money")] : []),
    ...(costField ? [c("cost", "Cost", "money")] : []),
    ...(keys.includes("currency") ? [c("currency", "Currency")] : []),
    ...(tagsField ? [c("tags", "Tags", "tags")] : []),
  ];
  return { timeField, costField, tagsField, columns, fields: keys };
}

export function labelFromKey(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A record's cost as an exact decimal string, or null when it has none. */
export function recordCost(record: DetailRecord, layout: RecordTypeLayout): string | null {
  if (!layout.costField) return null;
  const v = (record as Record<string, unknown>)[layout.costField];
  if (typeof v === "string" && v.trim() !== "") {
    try {
      return new Big(v).toFixed();
    } catch {
      return null;
    }
  }
  // Wireless sends data_cost as a JSON number: take its shortest decimal form, not float arithmetic.
  if (typeof v === "number" && Number.isFinite(v)) return new Big(String(v)).toFixed();
  return null;
}

export function recordTags(record: DetailRecord, layout: RecordTypeLayout): string[] {
  if (!layout.tagsField) return [];
  const v = (record as Record<string, unknown>)[layout.tagsField];
  if (typeof v === "string") return v.split(",").map((t) => t.trim()).filter(Boolean);
  if (Array.isArray(v)) return v.filter((t): t is string => typeof t === "string");
  return [];
}

export interface UsageTotals {
  count: number;
  /** Cost per currency, exact. */
  costs: { currency: string; amount: string }[];
}

export function usageTotals(records: readonly DetailRecord[], layout: RecordTypeLayout): UsageTotals {
  const byCurrency = new Map<string, Big>();
  for (const r of records) {
    const cost = recordCost(r, layout);
    if (cost === null) continue;
    const currency = typeof r.currency === "string" && r.currency ? r.currency : "USD";
    byCurrency.set(currency, (byCurrency.get(currency) ?? new Big(0)).plus(cost));
  }
  return {
    count: records.length,
    costs: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: amount.toFixed() })),
  };
}

/** The date-range choices offered: the contract's named ranges and a few last_N_days. */
export const DATE_RANGE_PRESETS: { value: string; label: string }[] = [
  { value: "today", label: "Today" },
  { value: "yesterday", label: "Yesterday" },
  { value: "this_week", label: "This week" },
  { value: "last_week", label: "Last week" },
  { value: "last_7_days", label: "Last 7 days" },
  { value: "this_month", label: "This month" },
  { value: "last_month", label: "Last month" },
  { value: "last_30_days", label: "Last 30 days" },
  { value: "last_90_days", label: "Last 90 days" },
];

export function dateRangeLabel(value: string): string {
  const preset = DATE_RANGE_PRESETS.find((p) => p.value === value);
  if (preset) return preset.label;
  const n = /^last_(\d+)_days$/.exec(value)?.[1];
  if (n) return `Last ${n} days`;
  return (DATE_RANGES as readonly string[]).includes(value) ? labelFromKey(value) : value;
}

export function recordTypeLabel(type: string): string {
  const special: Record<string, string> = { amd: "AMD", stt: "Speech-to-text", tts: "Text-to-speech", webrtc: "WebRTC", "sip-trunking": "SIP trunking", "ai-voice-assistant": "AI voice assistant" };
  return special[type] ?? labelFromKey(type);
}

/** A cell's value as plain text (CSV and the table share it). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * A record's identity for React keys and the open row: `id` for most types, `uuid` for messaging;
 * failing both (an upstream that sends neither), its position in the loaded list.
 */
export function recordId(record: DetailRecord, index: number): string {
  const r = record as Record<string, unknown>;
  if (typeof r.id === "string" && r.id) return `id:${r.id}`;
  if (typeof r.uuid === "string" && r.uuid) return `uuid:${r.uuid}`;
  return `row:${index}`;
}
