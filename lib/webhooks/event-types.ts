// Event types offered in the webhook filter. Telnyx has no endpoint listing them; these are the
// common ones of the products this dashboard's accounts use. Types seen in loaded deliveries and
// any typed by hand are offered too.
export const COMMON_EVENT_TYPES = [
  "call.initiated",
  "call.answered",
  "call.hangup",
  "call.bridged",
  "call.machine.detection.ended",
  "call.recording.saved",
  "call.dtmf.received",
  "message.sent",
  "message.finalized",
  "message.received",
  "fax.queued",
  "fax.delivered",
  "fax.failed",
  "verification.sms.delivered",
  "number_order.complete",
  "porting_order.status_changed",
] as const;

export const EVENT_TYPE_PATTERN = /^[A-Za-z0-9_.]+$/;
