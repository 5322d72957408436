// Usage detail records by index, for the record types whose schema the contract publishes
// (MessageDetailRecord, ConferenceDetailRecord, ConferenceParticipantDetailRecord, AmdDetailRecord,
// VerifyDetailRecord, SimCardUsageDetailRecord, MediaStorageDetailRecord).
// Which records exist, and their kind and units, come from the day plans in ./usage.ts; this module
// only dresses a planned record in its schema's fields (cost = units × the kind's rates).
import { formatScaled } from "../money";
import { Rng, rngFor } from "../rng";
import { addUtcMonths, isoDateTime } from "../time";
import type { SimNumber } from "./charges";
import { KINDS, recordMicros, type DayTimeline, type UsageBook } from "./usage";
import type { DetailType, World } from "./world";

export type DetailRecord = Record<string, unknown> & { record_type: string };

/** The filter[record_type] value → the record_type the records carry (the schemas' defaults). */
export const RECORD_TYPE_VALUE: Record<DetailType, string> = {
  messaging: "message_detail_record",
  conference: "conference_detail_record",
  "conference-participant": "conference_participant_detail_record",
  amd: "amd_detail_record",
  verify: "verification_detail_record",
  wireless: "sim_card_usage",
  media_storage: "media_storage",
};

/** The field holding each record's main timestamp (what created_at filters and sorts use). */
export const TIME_FIELD: Record<DetailType, string> = {
  messaging: "created_at",
  conference: "started_at",
  "conference-participant": "joined_at",
  amd: "invoked_at",
  verify: "created_at",
  wireless: "created_at",
  media_storage: "created_at",
};

type FieldKind = "string" | "number" | "integer" | "boolean" | "date-time" | "array";

/** The fields of each record schema in the contract, with their JSON types (for filters and sorts). */
export const FIELDS: Record<DetailType, Record<string, FieldKind>> = {
  messaging: {
    uuid: "string", user_id: "string", completed_at: "date-time", created_at: "date-time", updated_at: "date-time", sent_at: "date-time",
    carrier: "string", carrier_fee: "string", cld: "string", cli: "string", country_code: "string", delivery_status: "string",
    delivery_status_failover_url: "string", delivery_status_webhook_url: "string", direction: "string", fteu: "boolean", mcc: "string",
    mnc: "string", message_type: "string", on_net: "boolean", profile_id: "string", profile_name: "string", source_country_code: "string",
    status: "string", tags: "string", rate: "string", currency: "string", cost: "string", errors: "array", parts: "integer", record_type: "string",
  },
  conference: {
    id: "string", name: "string", user_id: "string", started_at: "date-time", ended_at: "date-time", expires_at: "date-time", region: "string",
    call_leg_id: "string", call_session_id: "string", connection_id: "string", call_sec: "integer", participant_count: "integer",
    participant_call_sec: "integer", is_telnyx_billable: "boolean", record_type: "string",
  },
  "conference-participant": {
    id: "string", user_id: "string", conference_id: "string", joined_at: "date-time", left_at: "date-time", destination_number: "string",
    originating_number: "string", call_leg_id: "string", call_session_id: "string", call_sec: "integer", billed_sec: "integer",
    is_telnyx_billable: "boolean", rate: "string", rate_measured_in: "string", cost: "string", currency: "string", record_type: "string",
  },
  amd: {
    id: "string", invoked_at: "date-time", feature: "string", tags: "string", billing_group_id: "string", billing_group_name: "string",
    connection_id: "string", connection_name: "string", call_leg_id: "string", call_session_id: "string", is_telnyx_billable: "boolean",
    rate: "string", rate_measured_in: "string", cost: "string", currency: "string", record_type: "string",
  },
  verify: {
    id: "string", verify_profile_id: "string", delivery_status: "string", verification_status: "string", destination_phone_number: "string",
    verify_channel_type: "string", verify_channel_id: "string", created_at: "date-time", updated_at: "date-time", rate: "string",
    rate_measured_in: "string", verify_usage_fee: "string", currency: "string", record_type: "string",
  },
  wireless: {
    id: "string", created_at: "date-time", closed_at: "date-time", ip_address: "string", downlink_data: "number", imsi: "string", mcc: "string",
    mnc: "string", currency: "string", data_unit: "string", data_rate: "string", sim_group_name: "string", sim_card_id: "string",
    sim_group_id: "string", sim_card_tags: "string", phone_number: "string", uplink_data: "number", data_cost: "number", record_type: "string",
  },
  media_storage: {
    id: "string", created_at: "date-time", asset_id: "string", user_id: "string", org_id: "string", action_type: "string",
    link_channel_type: "string", link_channel_id: "string", status: "string", webhook_id: "string", rate: "string", rate_measured_in: "string",
    cost: "string", currency: "string", record_type: "string",
  },
};

/** Detail records are kept for the two months before the anchor month and the anchor month. */
export function recordWindowStart(w: World): Date {
  return addUtcMonths(w.anchor, -2);
}

function theirNumber(rng: Rng): string {
  return `+1${rng.pick([212, 305, 415, 512, 617, 702, 786, 917, 303, 206])}555${String(rng.int(100, 199)).padStart(4, "0")}`;
}

/** Micro-dollars as a decimal string of at least 4 decimals (Telnyx's record precision). */
function money(micros: number): string {
  return micros % 100 === 0 ? formatScaled(micros / 100, 4) : formatScaled(micros, 6);
}

const CARRIERS: ReadonlyArray<readonly [string, string, string]> = [
  ["T-Mobile USA", "310", "260"],
  ["Verizon Wireless", "311", "480"],
  ["AT&T Mobility", "310", "410"],
  ["US Cellular", "311", "580"],
];

interface Planned {
  id: string;
  t: number;
  kind: string;
  units: number;
  micros: number;
  /** Micro-dollars per unit of the kind's lines, in order. */
  rates: readonly number[];
}

type Generator = (rng: Rng, w: World, numbers: readonly SimNumber[], p: Planned) => DetailRecord;

const pools = new WeakMap<readonly SimNumber[], Map<string, readonly SimNumber[]>>();
function ourNumber(rng: Rng, numbers: readonly SimNumber[], type?: SimNumber["chargeType"]): string {
  if (!type) return rng.pick(numbers).tn;
  let byType = pools.get(numbers);
  if (!byType) pools.set(numbers, (byType = new Map()));
  let pool = byType.get(type);
  if (!pool) byType.set(type, (pool = numbers.filter((n) => n.chargeType === type)));
  return rng.pick(pool.length ? pool : numbers).tn;
}

function messaging(rng: Rng, w: World, numbers: readonly SimNumber[], p: Planned): DetailRecord {
  const inbound = p.kind === "sms_in";
  const type = p.kind === "mms_out" ? "MMS" : "SMS";
  const parts = p.units;
  const status = inbound
    ? "received"
    : rng.weighted<string>([["delivered", 88], ["dlr_unconfirmed", 3], ["dlr_timeout", 2], ["gw_timeout", 1], ["gw_reject", 2], ["failed", 4]]);
  const carrierFee = inbound ? 0 : p.rates[1]! * parts;
  const [carrier, mcc, mnc] = rng.pick(CARRIERS);
  const ours = ourNumber(rng, numbers);
  const profile = rng.pick(w.profile.messagingProfiles);
  const sent = p.t + rng.int(50, 1_500);
  const completed = sent + rng.int(500, 20_000);
  const failed = status === "failed" || status === "gw_reject";
  return {
    uuid: p.id,
    user_id: w.profile.userId,
    created_at: isoDateTime(p.t),
    updated_at: isoDateTime(completed),
    sent_at: isoDateTime(sent),
    completed_at: isoDateTime(completed),
    carrier,
    carrier_fee: money(carrierFee),
    cld: inbound ? ours : theirNumber(rng),
    cli: inbound ? theirNumber(rng) : ours,
    country_code: "US",
    source_country_code: "US",
    delivery_status: rng.weighted([["success: webhook succeeded", 95], ["failed: webhook failed", 5]] as const),
    delivery_status_webhook_url: w.profile.webhookUrls[1]!,
    delivery_status_failover_url: w.profile.failoverUrl,
    direction: inbound ? "inbound" : "outbound",
    fteu: false,
    mcc,
    mnc,
    message_type: type,
    on_net: rng.chance(0.04),
    profile_id: profile.id,
    profile_name: profile.name,
    status,
    tags: rng.chance(0.4) ? rng.pick(["support", "billing,support", "sms-marketing", "vip"]) : "",
    rate: money(p.rates[0]!),
    currency: "USD",
    cost: money(p.micros),
    errors: failed ? [rng.pick(["40001", "40002", "40008", "40300"])] : [],
    parts,
    record_type: RECORD_TYPE_VALUE.messaging,
  };
}

function conference(rng: Rng, w: World, _n: readonly SimNumber[], p: Planned): DetailRecord {
  const secs = rng.int(120, 5_400);
  const participants = rng.int(2, 12);
  return {
    id: p.id,
    name: rng.pick(["Daily standup", "Support escalation", "Sales pipeline review", "Vendor call", "All hands"]),
    user_id: w.profile.userId,
    started_at: isoDateTime(p.t),
    ended_at: isoDateTime(p.t + secs * 1_000),
    expires_at: isoDateTime(p.t + 24 * 3_600_000),
    region: rng.pick(["ch1", "dc2", "sv1"]),
    call_leg_id: rng.uuid(),
    call_session_id: rng.uuid(),
    connection_id: rng.pick(w.profile.connections).id,
    call_sec: secs,
    participant_count: participants,
    participant_call_sec: secs * participants - rng.int(0, secs),
    is_telnyx_billable: false,
    record_type: RECORD_TYPE_VALUE.conference,
  };
}

/**
 * Call legs. The contract publishes no call-control record schema, so this account's calls are
 * Call Control calls bridged through conferences, and each leg is a participant record: PSTN legs
 * into our local or toll-free numbers, dial-outs from our numbers, and SIP agents.
 */
function participant(rng: Rng, w: World, numbers: readonly SimNumber[], p: Planned): DetailRecord {
  const billed = p.units * 60;
  const secs = billed - rng.int(0, 59);
  const sipAgent = `sip:agent${rng.int(100, 199)}@${w.profile.domain}`;
  const [from, to] =
    p.kind === "pstn_in"
      ? [theirNumber(rng), ourNumber(rng, numbers, "local")]
      : p.kind === "tollfree_in"
        ? [theirNumber(rng), ourNumber(rng, numbers, "toll_free")]
        : p.kind === "pstn_out"
          ? [ourNumber(rng, numbers), theirNumber(rng)]
          : [sipAgent, `sip:conference@${w.profile.domain}`];
  return {
    id: p.id,
    user_id: w.profile.userId,
    conference_id: rng.uuid(),
    joined_at: isoDateTime(p.t),
    left_at: isoDateTime(p.t + secs * 1_000),
    destination_number: to,
    originating_number: from,
    call_leg_id: rng.uuid(),
    call_session_id: rng.uuid(),
    call_sec: secs,
    billed_sec: billed,
    is_telnyx_billable: true,
    rate: money(p.rates[0]!),
    rate_measured_in: "minutes",
    cost: money(p.micros),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE["conference-participant"],
  };
}

function amd(rng: Rng, w: World, _n: readonly SimNumber[], p: Planned): DetailRecord {
  const group = rng.pick(w.profile.billingGroups);
  const conn = rng.pick(w.profile.connections);
  return {
    id: p.id,
    invoked_at: isoDateTime(p.t),
    ...(p.kind === "premium" ? { feature: "PREMIUM" } : {}),
    tags: rng.chance(0.3) ? "outbound-campaign" : "",
    billing_group_id: group.id,
    billing_group_name: group.name,
    connection_id: conn.id,
    connection_name: conn.name,
    call_leg_id: rng.uuid(),
    call_session_id: rng.uuid(),
    is_telnyx_billable: true,
    rate: money(p.rates[0]!),
    rate_measured_in: "invocations",
    cost: money(p.micros),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE.amd,
  };
}

function verify(rng: Rng, _w: World, _n: readonly SimNumber[], p: Planned): DetailRecord {
  const verified = rng.chance(0.82);
  return {
    id: p.id,
    verify_profile_id: rng.uuid(),
    delivery_status: rng.weighted([["delivered", 92], ["failed", 5], ["pending", 3]] as const),
    verification_status: verified ? "accepted" : rng.pick(["expired", "invalid", "pending"]),
    destination_phone_number: theirNumber(rng),
    verify_channel_type: p.kind,
    verify_channel_id: rng.uuid(),
    created_at: isoDateTime(p.t),
    updated_at: isoDateTime(p.t + rng.int(5_000, 300_000)),
    rate: money(p.rates[0]!),
    rate_measured_in: "number of occurrences",
    verify_usage_fee: money(p.micros),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE.verify,
  };
}

function wireless(rng: Rng, _w: World, numbers: readonly SimNumber[], p: Planned): DetailRecord {
  // Units are 0.0001 MB; the data cost is exact in micro-dollars ($0.06 per MB).
  const down = rng.int(Math.floor(p.units / 2), p.units);
  const group = rng.pick(["Field tablets", "Fleet trackers", "POS terminals"]);
  return {
    id: p.id,
    created_at: isoDateTime(p.t),
    closed_at: isoDateTime(p.t + rng.int(60_000, 3_600_000)),
    ip_address: `100.64.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    downlink_data: down / 10_000,
    uplink_data: (p.units - down) / 10_000,
    imsi: `311210${rng.digits(9)}`,
    mcc: "311",
    mnc: "210",
    currency: "USD",
    data_unit: "MB",
    data_rate: "0.06000",
    sim_group_name: group,
    sim_card_id: rng.uuid(),
    sim_group_id: rng.uuid(),
    sim_card_tags: group === "Fleet trackers" ? "fleet" : "",
    phone_number: ourNumber(rng, numbers),
    data_cost: p.micros / 1_000_000,
    record_type: RECORD_TYPE_VALUE.wireless,
  };
}

function mediaStorage(rng: Rng, w: World, _n: readonly SimNumber[], p: Planned): DetailRecord {
  return {
    id: p.id,
    created_at: isoDateTime(p.t),
    asset_id: rng.uuid(),
    user_id: w.profile.userId,
    org_id: w.profile.organizationId,
    action_type: rng.weighted([["upload", 60], ["download", 30], ["delete", 10]] as const),
    link_channel_type: rng.pick(["message", "fax", "call_recording"]),
    link_channel_id: rng.uuid(),
    status: rng.chance(0.97) ? "success" : "failed",
    webhook_id: rng.uuid(),
    rate: money(p.rates[0]!),
    rate_measured_in: "events",
    cost: money(p.micros),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE.media_storage,
  };
}

const GENERATORS: Record<DetailType, Generator> = {
  messaging,
  conference,
  "conference-participant": participant,
  amd,
  verify,
  wireless,
  media_storage: mediaStorage,
};

/** Record i of a type's timeline: the planned record (day, j), dressed. Its id is unique by construction. */
export function generateDetailRecord(w: World, numbers: readonly SimNumber[], type: DetailType, book: UsageBook, tl: DayTimeline, i: number): DetailRecord {
  const { day, j } = tl.locate(i);
  const plan = book.plan(type, day);
  const k = KINDS[type][plan.kinds[j]!]!;
  const units = plan.units[j]!;
  const rng = rngFor(w.seed, "cdr", type, day, j);
  const id = rng.uniqueUuid((((day & 0xffff) << 16) | j) >>> 0);
  return GENERATORS[type](rng, w, numbers, {
    id,
    t: tl.ts(i),
    kind: k.key,
    units,
    micros: recordMicros(type, plan.kinds[j]!, units),
    rates: k.lines.map(([, m]) => m),
  });
}
