// The dashboard's error vocabulary. Every API error leaves the server in Telnyx's own shape,
// {"errors":[{code,title,detail,source}]}, so the browser has one format to read.
import type { ZodError } from "zod";

export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
  upstream_contract: 502,
  upstream_auth: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  /** A write that may or may not have happened (Telnyx never confirmed it): check, don't repeat. */
  outcome_unknown: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorSource {
  pointer?: string;
  parameter?: string;
}

export interface ApiErrorItem {
  code: string;
  title: string;
  detail: string;
  source?: ErrorSource;
  meta?: Record<string, unknown>;
}

export interface ApiErrorBody {
  errors: ApiErrorItem[];
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly items: ApiErrorItem[];
  readonly headers: Record<string, string>;

  /**
   * True when this error proves a write was not carried out: Telnyx refused it outright (400, 401,
   * 403, 404, 422, 429) or it was never sent. An idempotent write may then run again with its key.
   */
  readonly notApplied: boolean;

  constructor(
    code: ErrorCode,
    detail: string,
    options: {
      title?: string;
      items?: ApiErrorItem[];
      headers?: Record<string, string>;
      status?: number;
      notApplied?: boolean;
    } = {},
  ) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.notApplied = options.notApplied ?? false;
    this.status = options.status ?? ERROR_STATUS[code];
    this.headers = options.headers ?? {};
    this.items = options.items ?? [{ code, title: options.title ?? defaultTitle(code), detail }];
  }

  toBody(): ApiErrorBody {
    return { errors: this.items };
  }
}

function defaultTitle(code: ErrorCode): string {
  switch (code) {
    case "unauthorized":
      return "Not signed in";
    case "forbidden":
      return "Not allowed";
    case "not_found":
      return "Not found";
    case "conflict":
      return "Conflict";
    case "invalid_input":
      return "Invalid input";
    case "rate_limited":
      return "Too many requests";
    case "upstream_contract":
      return "Telnyx sent an unexpected response";
    case "upstream_auth":
      return "Telnyx rejected the dashboard's API key";
    case "upstream_unavailable":
      return "Telnyx is unreachable";
    case "upstream_timeout":
      return "Telnyx did not answer in time";
    case "outcome_unknown":
      return "Outcome unknown";
    default:
      return "Something went wrong";
  }
}

const OUTCOME_UNKNOWN_DETAIL =
  "Telnyx did not confirm this change, so it may or may not have happened. Check the current state before trying again.";

/**
 * The one way to say a write's outcome is unknown (a timeout, a 5xx, a dropped connection, an
 * answer that broke the contract, a crash mid-call): it may have happened, so the person must
 * check before trying again, and it is recorded as "unknown", never as a failure.
 */
export function outcomeUnknown(detail: string = OUTCOME_UNKNOWN_DETAIL, meta?: Record<string, unknown>): ApiError {
  return new ApiError("outcome_unknown", detail, {
    items: [{ code: "outcome_unknown", title: defaultTitle("outcome_unknown"), detail, ...(meta ? { meta } : {}) }],
  });
}

/**
 * Whether an error (ApiError on the server, the browser's ApiClientError, or a stored error body)
 * says the outcome is unknown.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, items, errors } = error as { code?: unknown; items?: unknown; errors?: unknown };
  if (code === "outcome_unknown") return true;
  const list = Array.isArray(items) ? items : Array.isArray(errors) ? errors : [];
  return list.some((i) => (i as { code?: unknown } | null)?.code === "outcome_unknown");
}

/** A ZodError as a 422 with one item per problem, each pointing at its field. */
export function invalidInput(error: ZodError, where: "query" | "body" | "path"): ApiError {
  const items: ApiErrorItem[] = error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    const source: ErrorSource =
      where === "body" ? { pointer: `/${issue.path.map(String).join("/")}` } : { parameter: field || where };
    return {
      code: "invalid_input",
      title: "Invalid input",
      detail: field ? `${field}: ${issue.message}` : issue.message,
      source,
    };
  });
  // Refused before anything went upstream.
  return new ApiError("invalid_input", items.map((i) => i.detail).join("; "), { items, notApplied: true });
}

export function errorResponse(error: ApiError): Response {
  return Response.json(error.toBody(), {
    status: error.status,
    headers: { "cache-control": "no-store", ...error.headers },
  });
}
