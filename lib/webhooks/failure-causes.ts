// A failed webhook attempt's cause in plain words, grouped so an endpoint's failures can be
// counted by cause. Telnyx's contract documents two attempt error codes (75001: the name did not
// resolve; 75499: the endpoint answered with an error status); an attempt with no response and
// another code is a timeout, a refused connection or a TLS failure, which the code does not tell
// apart, so the dashboard says exactly that rather than guessing.
import type { WebhookAttempt } from "@/lib/telnyx/schemas/webhook-deliveries";
import { responseStatus } from "./deliveries";

export const FAILURE_CAUSES = ["http_5xx", "http_4xx", "http_other", "dns", "no_response"] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export const FAILURE_CAUSE_WORDS: Record<FailureCause, string> = {
  http_5xx: "Server errors (HTTP 5xx)",
  http_4xx: "Rejected by the endpoint (HTTP 4xx)",
  http_other: "Other HTTP answers (redirects and the like)",
  dns: "Host name not found (DNS)",
  no_response: "No answer: timed out, connection refused or TLS failed",
};

export function failureCause(a: Pick<WebhookAttempt, "errors" | "http">): FailureCause {
  const status = responseStatus(a as WebhookAttempt);
  if (status !== null) return status >= 500 ? "http_5xx" : status >= 400 ? "http_4xx" : "http_other";
  if (a.errors?.includes(75001)) return "dns";
  return "no_response";
}

/** Counts per cause, most frequent first (ties in FAILURE_CAUSES order), zero counts left out. */
export function causeCounts(counts: Partial<Record<FailureCause, number>>): { cause: FailureCause; label: string; count: number }[] {
  return FAILURE_CAUSES.map((cause) => ({ cause, label: FAILURE_CAUSE_WORDS[cause], count: counts[cause] ?? 0 }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}
