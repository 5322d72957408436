// What to tell a person when a write (saving auto-recharge, adding funds) fails, by what they can
// do about it: fix the input (422), ask for permission (403), wait (429), wait for Telnyx (5xx),
// or — the one that matters most for money — check first, because it may have happened.
import { ApiClientError } from "@/lib/api/fetcher";

export type WriteErrorKind = "invalid" | "forbidden" | "rate_limited" | "upstream_down" | "outcome_unknown" | "conflict" | "other";
export type WriteSubject = "payment" | "auto-recharge";

export interface WriteErrorMessage {
  kind: WriteErrorKind;
  title: string;
  detail: string;
  /** The server's reason (Telnyx's own detail where it gave one), shown as it is. */
  reason: string | null;
  /** Body fields the server pointed at ("/amount" → "amount"), with their message. */
  fields: { field: string; message: string }[];
  retryAfterSeconds?: number;
}

const UNKNOWN: Record<WriteSubject, string> = {
  payment:
    "We could not confirm whether this payment went through: the connection was lost, or Telnyx failed or did not answer in time. It may have been charged. Check your balance before trying again.",
  "auto-recharge":
    "We could not confirm whether Telnyx saved these settings: the connection was lost, or Telnyx failed or did not answer in time. The current settings are being read again from Telnyx: check them before saving again.",
};

function fieldsOf(error: ApiClientError): { field: string; message: string }[] {
  return error.items.flatMap((item) => {
    const pointer = item.source?.pointer;
    if (!pointer || pointer === "/") return [];
    return [{ field: pointer.replace(/^\//, "").replace(/\//g, "."), message: item.detail.replace(/^[\w.]+: /, "") }];
  });
}

export function describeWriteError(error: unknown, subject: WriteSubject): WriteErrorMessage {
  const base = { reason: null, fields: [] };
  if (!(error instanceof ApiClientError))
    return { ...base, kind: "other", title: "Something went wrong", detail: error instanceof Error ? error.message : "Unknown error." };
  const reason = error.message || null;
  // Status 0: the request may or may not have reached the server, so a write's outcome is unknown.
  if (error.outcomeUnknown || error.status === 0)
    return { ...base, kind: "outcome_unknown", title: "Outcome unknown", detail: UNKNOWN[subject], reason };
  switch (true) {
    case error.status === 422 || error.status === 400:
      return {
        kind: "invalid",
        title: subject === "payment" ? "The payment was refused" : "Telnyx did not accept these settings",
        detail: subject === "payment" ? "Nothing was charged. Correct the amount and try again." : "Nothing was saved. Your input is kept: correct it and save again.",
        reason,
        fields: fieldsOf(error),
      };
    case error.status === 403:
      return {
        ...base,
        kind: "forbidden",
        title: "Not allowed",
        detail:
          subject === "payment"
            ? "Nothing was charged. Either your dashboard role or the dashboard's Telnyx API key lacks permission: ask an account owner or administrator."
            : "Nothing was saved. Either your dashboard role or the dashboard's Telnyx API key lacks permission: ask an account owner or administrator.",
        reason,
      };
    case error.status === 429: {
      const wait = error.retryAfterSeconds;
      return {
        ...base,
        kind: "rate_limited",
        title: "Too many requests",
        detail: `${subject === "payment" ? "Nothing was charged." : "Nothing was saved."} ${wait ? `Try again in ${wait} s.` : "Wait a moment and try again."}`,
        reason,
        retryAfterSeconds: wait,
      };
    }
    case error.status === 409:
      return { ...base, kind: "conflict", title: "Still in progress", detail: "An identical request is still being processed. Wait a moment, then check the result.", reason };
    case error.status >= 500:
      return {
        ...base,
        kind: "upstream_down",
        title: "Telnyx is unavailable",
        detail:
          subject === "payment"
            ? "Telnyx could not be reached or is having problems. Check your balance before trying again."
            : "Telnyx could not be reached or is having problems. Your input is kept: try saving again in a few minutes.",
        reason,
      };
    default:
      return { ...base, kind: "other", title: "The request failed", detail: reason ?? `HTTP ${error.status}`, reason: null };
  }
}
