// What an approval request is, in words, for the pages, emails and routes alike (no zod, no
// server code: the browser imports it).
export const APPROVAL_STATES = ["pending", "executing", "succeeded", "failed", "unknown", "rejected", "cancelled", "expired", "stale"] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];
export const APPROVAL_KINDS = ["payment", "auto_recharge", "policy"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export interface Person {
  id: string;
  email: string;
}

export interface ApprovalPolicy {
  payments_above: string | null;
  auto_recharge: boolean;
  updated_at: string | null;
  updated_by: string | null;
}

export interface Approval {
  id: string;
  kind: ApprovalKind;
  status: ApprovalState;
  request: Record<string, unknown>;
  seen: Record<string, unknown> | null;
  idempotency_key: string | null;
  requested_by: Person;
  requested_at: string;
  expires_at: string;
  decided_by: Person | null;
  decided_at: string | null;
  reason: string | null;
  result: { status: number; body: unknown } | null;
  finished_at: string | null;
}

export const STATE_LABELS: Record<ApprovalState, string> = {
  pending: "Waiting for approval",
  executing: "Running",
  succeeded: "Done",
  failed: "Failed",
  unknown: "Outcome unknown",
  rejected: "Rejected",
  cancelled: "Cancelled",
  expired: "Expired",
  stale: "Refused: settings changed",
};

export const STATE_TONES: Record<ApprovalState, "neutral" | "success" | "danger" | "warning" | "accent"> = {
  pending: "accent",
  executing: "accent",
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  rejected: "danger",
  cancelled: "neutral",
  expired: "neutral",
  stale: "warning",
};

export const KIND_LABELS: Record<ApprovalKind, string> = { payment: "Payment", auto_recharge: "Auto-recharge change", policy: "Approval policy change" };

const dollars = (v: unknown) => `$${String(v)}`;

/** One line: "a payment of $250.00". Amounts as sent (dollars and cents). */
export function describeRequest(a: Pick<Approval, "kind" | "request">): string {
  if (a.kind === "payment") return `a payment of ${dollars(a.request.amount)}`;
  if (a.kind === "auto_recharge")
    return `an auto-recharge change: ${Object.entries(a.request)
      .map(([k, v]) => `${k.replaceAll("_", " ")} → ${typeof v === "string" && /^\d+\.\d{2}$/.test(v) ? dollars(v) : String(v)}`)
      .join(", ")}`;
  const p = a.request as { payments_above: string | null; auto_recharge: boolean };
  return `a new approval policy: payments above ${p.payments_above === null ? "any amount need no second owner" : `${dollars(p.payments_above)} need a second owner`}; auto-recharge changes ${p.auto_recharge ? "need" : "do not need"} a second owner`;
}

/** The error detail of a stored outcome, if it was an error. */
export function outcomeDetail(a: Approval): string | null {
  const body = a.result?.body as { errors?: { detail?: string }[] } | undefined;
  return body?.errors?.[0]?.detail ?? null;
}
