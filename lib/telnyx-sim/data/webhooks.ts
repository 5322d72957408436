// Webhook deliveries by index over the two months before the anchor month and the anchor month.
// Status and event type come from cheap hashes so filters on them need no full record.
import { Rng, rngFor, unitHash } from "../rng";
import { addUtcMonths, isoDateTime } from "../time";
import type { SimNumber } from "./charges";
import { makeTimeline, type Timeline } from "./timeline";
import type { World } from "./world";

export interface Attempt {
  status: "delivered" | "failed";
  started_at: string;
  finished_at: string;
  http: {
    request: { url: string; headers: string[][] };
    response?: { status: number; headers: string[][]; body: string };
  };
  errors?: number[];
}

export interface WebhookDelivery {
  id: string;
  user_id: string;
  record_type: "webhook_delivery";
  status: "delivered" | "failed";
  webhook: {
    record_type: "event";
    event_type: string;
    id: string;
    occurred_at: string;
    payload: Record<string, unknown>;
  };
  started_at: string;
  finished_at: string;
  attempts: Attempt[];
}

export const EVENT_TYPES: ReadonlyArray<readonly [string, number]> = [
  ["message.sent", 20],
  ["message.finalized", 20],
  ["message.received", 14],
  ["call.initiated", 9],
  ["call.answered", 8],
  ["call.hangup", 9],
  ["call.machine.detection.ended", 4],
  ["call.recording.saved", 3],
  ["fax.delivered", 2],
  ["verification.sms.delivered", 3],
  ["number_order.complete", 1],
  ["porting_order.status_changed", 1],
];

export function webhookTimeline(w: World): Timeline {
  return makeTimeline(w.sizes.webhookDeliveries, addUtcMonths(w.anchor, -2).getTime(), w.anchorEnd.getTime(), w.seed, w.anchorKey, "webhook-ts");
}

/** The usual share of failed deliveries (the `webhook_failure_rate` test control changes it from a time on). */
export const FAILED_SHARE = 0.12;

export function deliveryStatus(w: World, i: number, failedShare = FAILED_SHARE): "delivered" | "failed" {
  return unitHash(w.seed, w.anchorKey, "webhook-status", i) < failedShare ? "failed" : "delivered";
}

export function deliveryEventType(w: World, i: number): string {
  let total = 0;
  for (const [, wt] of EVENT_TYPES) total += wt;
  let r = unitHash(w.seed, w.anchorKey, "webhook-type", i) * total;
  for (const [t, wt] of EVENT_TYPES) {
    r -= wt;
    if (r < 0) return t;
  }
  return EVENT_TYPES[0]![0];
}

function payloadFor(rng: Rng, w: World, numbers: readonly SimNumber[], eventType: string, occurredAt: string): Record<string, unknown> {
  const ours = rng.pick(numbers).tn;
  const theirs = `+1${rng.pick([212, 305, 415, 512, 617, 702, 786, 917])}555${String(rng.int(100, 199)).padStart(4, "0")}`;
  if (eventType.startsWith("message.")) {
    const inbound = eventType === "message.received";
    const profile = rng.pick(w.profile.messagingProfiles);
    return {
      id: rng.uuid(),
      record_type: "message",
      direction: inbound ? "inbound" : "outbound",
      type: rng.chance(0.92) ? "SMS" : "MMS",
      messaging_profile_id: profile.id,
      from: { phone_number: inbound ? theirs : ours },
      to: [{ phone_number: inbound ? ours : theirs, status: inbound ? "webhook_delivered" : eventType === "message.sent" ? "sent" : "delivered" }],
      text: rng.pick(["Your appointment is confirmed for tomorrow at 10:00.", "Reply STOP to unsubscribe.", "Thanks! We received your message.", "Your code is 481 516"]),
      parts: 1,
      cost: inbound ? null : { amount: "0.0040", currency: "USD" },
      received_at: occurredAt,
    };
  }
  if (eventType.startsWith("call.")) {
    const incoming = rng.chance(0.55);
    return {
      call_control_id: `v3:${rng.base64(22).replace(/[+/]/g, "x")}`,
      connection_id: rng.pick(w.profile.connections).id,
      call_leg_id: rng.uuid(),
      call_session_id: rng.uuid(),
      client_state: null,
      ...(incoming ? { from: theirs, to: ours, direction: "incoming" } : { from: ours, to: theirs, direction: "outgoing" }),
      state: eventType === "call.hangup" ? "hangup" : eventType === "call.answered" ? "answered" : "parked",
      ...(eventType === "call.hangup" ? { hangup_cause: rng.pick(["normal_clearing", "user_busy", "timeout"]), hangup_source: rng.pick(["caller", "callee"]) } : {}),
      ...(eventType === "call.machine.detection.ended" ? { result: rng.pick(["human", "machine", "not_sure"]) } : {}),
      ...(eventType === "call.recording.saved" ? { recording_urls: { mp3: null, wav: null }, channels: "single" } : {}),
    };
  }
  if (eventType.startsWith("fax.")) return { fax_id: rng.uuid(), connection_id: rng.pick(w.profile.connections).id, direction: "outbound", page_count: rng.int(1, 12), status: "delivered", to: theirs, from: ours };
  if (eventType.startsWith("verification.")) return { id: rng.uuid(), verify_profile_id: rng.uuid(), phone_number: theirs, status: "delivered" };
  if (eventType === "number_order.complete") return { id: rng.uuid(), status: "success", phone_numbers_count: rng.int(1, 10), customer_reference: `PO-${rng.digits(5)}` };
  return { id: rng.uuid(), status: { value: rng.pick(["submitted", "in-process", "ported"]) }, customer_reference: `PORT-${rng.digits(4)}` };
}

interface FailureKind {
  status: number | null;
  headers: string[][];
  body: string;
  error: number;
}

function failure(rng: Rng): FailureKind {
  const html = [["Content-Type", "text/html; charset=utf-8"]];
  const kind = rng.weighted<string>([
    ["404", 14],
    ["401", 8],
    ["410", 3],
    ["422", 4],
    ["500", 12],
    ["500x", 4],
    ["502", 10],
    ["503", 10],
    ["504", 6],
    ["timeout", 12],
  ]);
  switch (kind) {
    case "404":
      return { status: 404, headers: [...html, ["Pragma", "no-cache"]], body: "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>", error: 75499 };
    case "401":
      return { status: 401, headers: [["Content-Type", "application/json"]], body: '{"error":"invalid signature"}', error: 75499 };
    case "410":
      return { status: 410, headers: [["Content-Type", "text/plain"]], body: "Gone", error: 75499 };
    case "422":
      return { status: 422, headers: [["Content-Type", "application/json"]], body: '{"errors":{"data.payload.to":["is invalid"]}}', error: 75499 };
    case "500":
      return { status: 500, headers: [["Content-Type", "text/plain"]], body: "Internal Server Error", error: 75499 };
    case "500x":
      // A hostile or broken receiver: the dashboard must show this as text, never render it.
      return {
        status: 500,
        headers: html,
        body: '<!DOCTYPE html><html><body><h1>Error</h1><script>alert(1)</script><img src=x onerror="alert(document.cookie)"><p>Traceback (most recent call last): ...</p></body></html>',
        error: 75499,
      };
    case "502":
      return { status: 502, headers: [...html, ["Server", "nginx/1.25.3"]], body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n", error: 75499 };
    case "503":
      return { status: 503, headers: [["Content-Type", "text/html"], ["Retry-After", "30"]], body: "<h1>Service Unavailable</h1>", error: 75499 };
    case "504":
      return { status: 504, headers: [["Content-Type", "text/html"]], body: "<html><body><h1>504 Gateway Time-out</h1></body></html>", error: 75499 };
    default:
      return { status: null, headers: [], body: "", error: 75002 };
  }
}

export function generateDelivery(w: World, numbers: readonly SimNumber[], tl: Timeline, i: number, failedShare = FAILED_SHARE): WebhookDelivery {
  const rng = rngFor(w.seed, w.anchorKey, "webhook", i);
  const id = rng.uniqueUuid(i);
  const status = deliveryStatus(w, i, failedShare);
  const eventType = deliveryEventType(w, i);
  const started = tl.ts(i);
  const occurredAt = isoDateTime(started - rng.int(20, 900));
  const primary = eventType.startsWith("message.") ? w.profile.webhookUrls[1]! : eventType.startsWith("call.") ? w.profile.webhookUrls[0]! : w.profile.webhookUrls[2]!;
  const webhookId = rng.uuid();
  const attemptsCount = status === "failed" ? rng.int(1, 5) : rng.chance(0.8) ? 1 : rng.int(2, 5);
  const chronological: Attempt[] = [];
  let t = started;
  for (let k = 0; k < attemptsCount; k++) {
    const last = k === attemptsCount - 1;
    const ok = status === "delivered" && last;
    // Attempts alternate between the primary and the failover URL.
    const url = k % 2 === 0 ? primary : w.profile.failoverUrl;
    const requestHeaders = [
      ["Accept", "*/*"],
      ["Content-Type", "application/json"],
      ["User-Agent", "telnyx-webhooks"],
      ["telnyx-timestamp", String(Math.floor(t / 1000))],
      ["telnyx-signature-ed25519", `${rng.base64(86)}==`],
    ];
    if (ok) {
      const dur = rng.int(40, 900);
      chronological.push({
        status: "delivered",
        started_at: isoDateTime(t),
        finished_at: isoDateTime(t + dur),
        http: {
          request: { url, headers: requestHeaders },
          response: { status: rng.pick([200, 200, 200, 204, 202]), headers: [["Content-Type", "text/plain; charset=utf-8"]], body: rng.pick(["OK", "", "All good.", '{"received":true}']) },
        },
      });
      t += dur;
    } else {
      const f = failure(rng);
      const dur = f.status === null ? 2_000 : rng.int(30, 1_500);
      chronological.push({
        status: "failed",
        started_at: isoDateTime(t),
        finished_at: isoDateTime(t + dur),
        http: f.status === null ? { request: { url, headers: requestHeaders } } : { request: { url, headers: requestHeaders }, response: { status: f.status, headers: f.headers, body: f.body } },
        errors: [f.error],
      });
      t += dur;
    }
    if (!last) t += 1_000 * 2 ** k * rng.int(5, 15); // back-off before the next attempt
  }
  return {
    id,
    user_id: w.profile.userId,
    record_type: "webhook_delivery",
    status,
    webhook: { record_type: "event", event_type: eventType, id: webhookId, occurred_at: occurredAt, payload: payloadFor(rng, w, numbers, eventType, occurredAt) },
    started_at: isoDateTime(started),
    finished_at: chronological[chronological.length - 1]!.finished_at,
    attempts: chronological.reverse(),
  };
}

/** The id of delivery i without building the whole record (same first draw as generateDelivery). */
export function deliveryId(w: World, i: number): string {
  return rngFor(w.seed, w.anchorKey, "webhook", i).uniqueUuid(i);
}
