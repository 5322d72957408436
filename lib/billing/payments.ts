// Adding funds: one payment per Idempotency-Key, recorded in the action log. The route
// (app/api/payments) only checks the caller and the header; this decides what a charge's answer
// means. Telnyx's answer is one of three: charged (stored and replayed), definitely not charged
// (a refusal: the key is released so the same key may try again), or unknown (a timeout, a 5xx, a
// broken answer, a crash: stored as unknown, and the person is told to check the balance first).
import "server-only";
import { audited } from "@/lib/api/audited";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/session";
import { runOnce, type IdempotencyDeps, type RunOnceResult } from "@/lib/idempotency";
import { idempotencyKey, type PaymentRequest } from "@/lib/telnyx/schemas/payments";
import { runOperation } from "@/lib/telnyx/run";

/** The Idempotency-Key header, validated (a 422 naming the header otherwise). */
export function paymentKey(header: string | null): string {
  const parsed = idempotencyKey.safeParse(header ?? undefined);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues[0]?.message ?? "Idempotency-Key header is invalid";
  throw new ApiError("invalid_input", detail, {
    items: [{ code: "invalid_input", title: "Invalid input", detail, source: { parameter: "Idempotency-Key" } }],
    notApplied: true,
  });
}

/**
 * Charges `body.amount` once for this user and key; a repeat gets the first attempt's outcome.
 * `auditExtra` adds to the action log's entry (an approved payment names its approval and approver).
 */
export function createPaymentOnce(
  user: SessionUser,
  key: string,
  body: PaymentRequest,
  deps?: IdempotencyDeps,
  auditExtra: Record<string, unknown> = {},
): Promise<RunOnceResult> {
  return runOnce(
    "payment.create",
    key,
    user.id,
    async () => {
      const data = await audited(user, "payment.create", { ...body, idempotency_key: key, ...auditExtra }, () => runOperation("createPayment", body, "body"));
      return { status: 200, body: data };
    },
    body,
    deps,
  );
}

/** The HTTP answer: the stored outcome, `Idempotent-Replayed`, and the same fact in `meta` for JSON readers. */
export function paymentResponse(result: RunOnceResult): Response {
  const replyBody =
    result.status < 400 && result.body && typeof result.body === "object"
      ? { ...(result.body as object), meta: { idempotent_replayed: result.replayed } }
      : result.body;
  return Response.json(replyBody, {
    status: result.status,
    headers: { ...result.headers, "cache-control": "private, no-store", "idempotent-replayed": String(result.replayed) },
  });
}
