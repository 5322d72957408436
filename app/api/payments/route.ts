import { OWNER_ONLY } from "@/lib/auth/roles";
import { audited } from "@/lib/api/audited";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { runOnce } from "@/lib/idempotency";
import { idempotencyKey, paymentRequest, type PaymentRequest } from "@/lib/telnyx/schemas/payments";
import { runOperation } from "@/lib/telnyx/run";

const UNKNOWN_DETAIL =
  "Telnyx did not confirm this payment, so it may or may not have been charged. Check the balance before trying again.";

/**
 * For a payment, any answer but a clear yes or a clear no leaves the charge in doubt: a 5xx (Telnyx
 * may have failed after charging) or a 200 whose body broke the contract (it probably charged).
 * Those become "outcome unknown", so the user is told to check before paying again.
 */
function paymentError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.items.some((i) => i.code === "outcome_unknown")) return error;
  if (error.code === "upstream_unavailable" || error.code === "upstream_timeout" || error.code === "upstream_contract")
    return new ApiError("upstream_timeout", UNKNOWN_DETAIL, {
      items: [{ code: "outcome_unknown", title: "Outcome unknown", detail: UNKNOWN_DETAIL, meta: { upstream: error.message } }],
    });
  return error;
}

function createPayment(body: PaymentRequest) {
  return runOperation("createPayment", body, "body").catch((error: unknown) => {
    throw paymentError(error);
  });
}

// POST /api/payments — charges the account's stored payment method (owners). Exactly once per
// Idempotency-Key: a repeat gets the first attempt's stored outcome and `Idempotent-Replayed: true`.
export const POST = apiRoute({ roles: OWNER_ONLY, body: paymentRequest }, async ({ req, user, body }) => {
  const parsedKey = idempotencyKey.safeParse(req.headers.get("idempotency-key") ?? undefined);
  if (!parsedKey.success) {
    const detail = parsedKey.error.issues[0]?.message ?? "Idempotency-Key header is invalid";
    throw new ApiError("invalid_input", detail, {
      items: [{ code: "invalid_input", title: "Invalid input", detail, source: { parameter: "Idempotency-Key" } }],
    });
  }
  const key = parsedKey.data;
  // Headers of the first attempt's error (Retry-After on a 429); a replay has none to offer.
  let headers: Record<string, string> = {};
  const result = await runOnce(
    "payment.create",
    key,
    user.id,
    async () => {
      try {
        const data = await audited(user, "payment.create", { ...body, idempotency_key: key }, () => createPayment(body));
        return { status: 200, body: data };
      } catch (error) {
        if (error instanceof ApiError) headers = error.headers;
        throw error; // runOnce stores an ApiError as its response (outcome_unknown as "unknown")
      }
    },
    body,
  );
  // The header is the contract; the same fact in `meta` lets the browser's JSON fetcher see it too.
  const replyBody =
    result.status < 400 && result.body && typeof result.body === "object"
      ? { ...(result.body as object), meta: { idempotent_replayed: result.replayed } }
      : result.body;
  return Response.json(replyBody, {
    status: result.status,
    headers: {
      "cache-control": "private, no-store",
      "idempotent-replayed": String(result.replayed),
      ...(result.replayed ? {} : headers),
    },
  });
});
