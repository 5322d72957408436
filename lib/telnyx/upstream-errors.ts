import "server-only";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "telnyx";
import { ApiError, type ApiErrorItem } from "@/lib/api/errors";
import { scrubSecrets, scrubText } from "@/lib/security/scrub";

/** Seconds to wait, from Retry-After (seconds or HTTP date) or retry-after-ms; undefined when absent. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Telnyx's own error items, kept only as far as they are plain text fields. */
function upstreamItems(body: unknown): ApiErrorItem[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e): ApiErrorItem[] => {
    if (!e || typeof e !== "object") return [];
    const { code, title, detail, source } = e as Record<string, unknown>;
    const src = source && typeof source === "object" ? (source as Record<string, unknown>) : undefined;
    return [
      {
        code: String(code ?? "upstream_error"),
        title: typeof title === "string" ? title : "Telnyx refused the request",
        detail: typeof detail === "string" ? detail : typeof title === "string" ? title : "Telnyx refused the request",
        ...(src && (typeof src.pointer === "string" || typeof src.parameter === "string")
          ? { source: { pointer: src.pointer as string | undefined, parameter: src.parameter as string | undefined } }
          : {}),
      },
    ];
  });
}

/**
 * Any failure of an upstream call, as the error the dashboard answers with. Messages are ours or
 * Telnyx's `detail`; nothing from the transport (which could carry headers) is passed through, and
 * the key or any bearer-like string quoted in Telnyx's text is scrubbed before it leaves.
 */
export function toApiError(error: unknown): ApiError {
  const e = mapUpstreamError(error);
  const message = scrubText(e.message);
  const items = scrubSecrets(e.items) as ApiErrorItem[];
  if (message === e.message && JSON.stringify(items) === JSON.stringify(e.items)) return e;
  return new ApiError(e.code, message, { items, headers: e.headers, status: e.status });
}

function mapUpstreamError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return new ApiError("upstream_timeout", "Telnyx did not answer in time. Try again shortly.");
  if (error instanceof APIConnectionError)
    return new ApiError("upstream_unavailable", "Telnyx could not be reached. Check the network and try again.");
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const items = upstreamItems(error.error);
    const detail = items.map((i) => i.detail).join("; ");
    if (status === 401)
      return new ApiError("upstream_auth", "The dashboard's Telnyx API key was rejected. An administrator must set a valid TELNYX_API_KEY.");
    if (status === 403)
      return new ApiError("forbidden", `The dashboard's Telnyx API key lacks permission for this.${detail ? ` Telnyx says: ${detail}` : ""}`);
    if (status === 404) return new ApiError("not_found", detail || "Telnyx has no such record.");
    if (status === 400 || status === 409 || status === 422)
      return new ApiError("invalid_input", detail || "Telnyx refused the request as invalid.", {
        items: items.length ? items : undefined,
      });
    if (status === 429) {
      const waitMs = retryAfterMs(error.headers as Headers | undefined);
      const seconds = Math.max(1, Math.ceil((waitMs ?? 1000) / 1000));
      return new ApiError("rate_limited", `Telnyx's rate limit was reached. Try again in ${seconds} s.`, {
        headers: { "retry-after": String(seconds) },
      });
    }
    if (status === 504) return new ApiError("upstream_timeout", "Telnyx timed out. Try again shortly.");
    if (status >= 500)
      return new ApiError("upstream_unavailable", `Telnyx is having problems (HTTP ${status}). Try again shortly.`);
    return new ApiError("upstream_contract", `Telnyx answered with unexpected HTTP status ${status}.`);
  }
  return new ApiError("internal", "Something went wrong on the dashboard's server.");
}
