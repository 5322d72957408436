// Usage detail records by index, for the record types whose schema the contract publishes
// (MessageDetailRecord, ConferenceDetailRecord, ConferenceParticipantDetailRecord, AmdDetailRecord,
// VerifyDetailRecord, SimCardUsageDetailRecord, MediaStorageDetailRecord).
import { formatScaled } from "../money";
import { Rng, rngFor } from "../rng";
import { addUtcMonths, isoDateTime } from "../time";
import type { SimNumber } from "./charges";
import { makeTimeline, type Timeline } from "./timeline";
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

export function detailTimeline(w: World, type: DetailType): Timeline {
  return makeTimeline(w.sizes.detailRecords[type], addUtcMonths(w.anchor, -2).getTime(), w.anchorEnd.getTime(), w.seed, w.anchorKey, "cdr-ts", type);
}

function theirNumber(rng: Rng): string {
  return `+1${rng.pick([212, 305, 415, 512, 617, 702, 786, 917, 303, 206])}555${String(rng.int(100, 199)).padStart(4, "0")}`;
}

const CARRIERS: ReadonlyArray<readonly [string, string, string]> = [
  ["T-Mobile USA", "310", "260"],
  ["Verizon Wireless", "311", "480"],
  ["AT&T Mobility", "310", "410"],
  ["US Cellular", "311", "580"],
];

function messaging(rng: Rng, w: World, numbers: readonly SimNumber[], t: number): DetailRecord {
  const inbound = rng.chance(0.38);
  const type = rng.weighted<"SMS" | "MMS" | "RCS">([["SMS", 90], ["MMS", 9], ["RCS", 1]]);
  const parts = type === "SMS" ? rng.weighted([[1, 75], [2, 20], [3, 5]] as const) : 1;
  const status = inbound
    ? "received"
    : rng.weighted<string>([["delivered", 88], ["dlr_unconfirmed", 3], ["dlr_timeout", 2], ["gw_timeout", 1], ["gw_reject", 2], ["failed", 4]]);
  const rate = type === "SMS" ? 40 : type === "MMS" ? 150 : 50; // 1/10,000 $
  const carrierFee = inbound ? 0 : type === "SMS" ? 30 : 50;
  const cost = rate * parts + carrierFee * parts;
  const [carrier, mcc, mnc] = rng.pick(CARRIERS);
  const ours = rng.pick(numbers);
  const profile = rng.pick(w.profile.messagingProfiles);
  const sent = t + rng.int(50, 1_500);
  const completed = sent + rng.int(500, 20_000);
  const failed = status === "failed" || status === "gw_reject";
  return {
    uuid: rng.uuid(),
    user_id: w.profile.userId,
    created_at: isoDateTime(t),
    updated_at: isoDateTime(completed),
    sent_at: isoDateTime(sent),
    completed_at: isoDateTime(completed),
    carrier,
    carrier_fee: formatScaled(carrierFee * parts, 4),
    cld: inbound ? ours.tn : theirNumber(rng),
    cli: inbound ? theirNumber(rng) : ours.tn,
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
    rate: formatScaled(rate, 4),
    currency: "USD",
    cost: formatScaled(cost, 4),
    errors: failed ? [rng.pick(["40001", "40002", "40008", "40300"])] : [],
    parts,
    record_type: RECORD_TYPE_VALUE.messaging,
  };
}

function conference(rng: Rng, w: World, _n: readonly SimNumber[], t: number): DetailRecord {
  const secs = rng.int(120, 5_400);
  const participants = rng.int(2, 12);
  return {
    id: rng.uuid(),
    name: rng.pick(["Daily standup", "Support escalation", "Sales pipeline review", "Vendor call", "All hands"]),
    user_id: w.profile.userId,
    started_at: isoDateTime(t),
    ended_at: isoDateTime(t + secs * 1_000),
    expires_at: isoDateTime(t + 24 * 3_600_000),
    region: rng.pick(["ch1", "dc2", "sv1"]),
    call_leg_id: rng.uuid(),
    call_session_id: rng.uuid(),
    connection_id: rng.pick(w.profile.connections).id,
    call_sec: secs,
    participant_count: participants,
    participant_call_sec: secs * participants - rng.int(0, secs),
    is_telnyx_billable: true,
    record_type: RECORD_TYPE_VALUE.conference,
  };
}

function participant(rng: Rng, w: World, numbers: readonly SimNumber[], t: number): DetailRecord {
  const secs = rng.int(30, 3_600);
  const billed = Math.ceil(secs / 60) * 60;
  const rate = 20;
  return {
    id: rng.uuid(),
    user_id: w.profile.userId,
    conference_id: rng.uuid(),
    joined_at: isoDateTime(t),
    left_at: isoDateTime(t + secs * 1_000),
    destination_number: rng.pick(numbers).tn,
    originating_number: theirNumber(rng),
    call_leg_id: rng.uuid(),
    call_session_id: rng.uuid(),
    call_sec: secs,
    billed_sec: billed,
    is_telnyx_billable: true,
    rate: formatScaled(rate, 4),
    rate_measured_in: "minutes",
    cost: formatScaled((billed / 60) * rate, 4),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE["conference-participant"],
  };
}

function amd(rng: Rng, w: World, _n: readonly SimNumber[], t: number): DetailRecord {
  const group = rng.pick(w.profile.billingGroups);
  const conn = rng.pick(w.profile.connections);
  const premium = rng.chance(0.3);
  const rate = premium ? 65 : 20;
  return {
    id: rng.uuid(),
    invoked_at: isoDateTime(t),
    ...(premium ? { feature: "PREMIUM" } : {}),
    tags: rng.chance(0.3) ? "outbound-campaign" : "",
    billing_group_id: group.id,
    billing_group_name: group.name,
    connection_id: conn.id,
    connection_name: conn.name,
    call_leg_id: rng.uuid(),
    call_session_id: rng.uuid(),
    is_telnyx_billable: true,
    rate: formatScaled(rate, 4),
    rate_measured_in: "invocations",
    cost: formatScaled(rate, 4),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE.amd,
  };
}

function verify(rng: Rng, _w: World, _n: readonly SimNumber[], t: number): DetailRecord {
  const channel = rng.weighted<"sms" | "call" | "flashcall" | "psd2">([["sms", 80], ["call", 12], ["flashcall", 6], ["psd2", 2]]);
  const verified = rng.chance(0.82);
  const rate = channel === "sms" ? 300 : channel === "call" ? 350 : 200;
  return {
    id: rng.uuid(),
    verify_profile_id: rng.uuid(),
    delivery_status: rng.weighted([["delivered", 92], ["failed", 5], ["pending", 3]] as const),
    verification_status: verified ? "accepted" : rng.pick(["expired", "invalid", "pending"]),
    destination_phone_number: theirNumber(rng),
    verify_channel_type: channel,
    verify_channel_id: rng.uuid(),
    created_at: isoDateTime(t),
    updated_at: isoDateTime(t + rng.int(5_000, 300_000)),
    rate: formatScaled(rate, 4),
    rate_measured_in: "number of occurrences",
    verify_usage_fee: formatScaled(rate, 4),
    currency: "USD",
    record_type: RECORD_TYPE_VALUE.verify,
  };
}

function wireless(rng: Rng, _w: World, numbers: readonly SimNumber[], t: number): DetailRecord {
  const down = Math.round(rng.next() * 40_000) / 10_000; // MB, 4 decimals
  const up = Math.round(rng.next() * 8_000) / 10_000;
  const group = rng.pick(["Field tablets", "Fleet trackers", "POS terminals"]);
  return {
    id: rng.uuid(),
    created_at: isoDateTime(t),
    closed_at: isoDateTime(t + rng.int(60_000, 3_600_000)),
    ip_address: `100.64.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    downlink_data: down,
    uplink_data: up,
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
    phone_number: rng.pick(numbers).tn,
    data_cost: Math.round((down + up) * 0.06 * 1_000_000) / 1_000_000,
    record_type: RECORD_TYPE_VALUE.wireless,
  };
}

function mediaStorage(rng: Rng, w: World, _n: readonly SimNumber[], t: number): DetailRecord {
  return {
    id: rng.uuid(),
    created_at: isoDateTime(t),
    asset_id: rng.uuid(),
    user_id: w.profile.userId,
    org_id: w.profile.organizationId,
    action_type: rng.weighted([["upload", 60], ["download", 30], ["delete", 10]] as const),
    link_channel_type: rng.pick(["message", "fax", "call_recording"]),
    link_channel_id: rng.uuid(),
    status: rng.chance(0.97) ? "success" : "failed",
    webhook_id: rng.uuid(),
    rate: "0.0001",
    rate_measured_in: "events",
    cost: "0.0001",
    currency: "USD",
    record_type: RECORD_TYPE_VALUE.media_storage,
  };
}

const GENERATORS: Record<DetailType, (rng: Rng, w: World, numbers: readonly SimNumber[], t: number) => DetailRecord> = {
  messaging,
  conference,
  "conference-participant": participant,
  amd,
  verify,
  wireless,
  media_storage: mediaStorage,
};

export function generateDetailRecord(w: World, numbers: readonly SimNumber[], type: DetailType, tl: Timeline, i: number): DetailRecord {
  return GENERATORS[type](rngFor(w.seed, w.anchorKey, "cdr", type, i), w, numbers, tl.ts(i));
}
