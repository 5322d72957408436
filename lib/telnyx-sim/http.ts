// Response helpers and Telnyx-shaped errors.
import { randomUUID } from "node:crypto";

export interface ErrorItem {
  code: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

/**
 * How an operation's error objects look in the contract:
 * - "full": code, title, detail, source {pointer|parameter}, meta {url} (billing_, charges_, invoice_ errors)
 * - "minimal": code, title, detail (audit-logs_Error, detail-records_Error)
 * ErrorResponse (user tags, stored payments) has the same members as "full" (its source lists only
 * `pointer`, which is what those operations' errors use).
 */
export type ErrorStyle = "full" | "minimal";

/** An error a handler throws; the router renders it in the operation's style. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly items: ErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(items[0]?.detail ?? items[0]?.title ?? `HTTP ${status}`);
  }
}

export const ERR = {
  missing: "10004",
  notFound: "10005",
  invalidId: "10006",
  unexpected: "10007",
  timeout: "10008",
  auth: "10009",
  forbidden: "10010",
  tooMany: "10011",
  badRequest: "10015",
  amount: "10027",
} as const;

export function errorUrl(code: string): string {
  return `https://developers.telnyx.com/docs/overview/errors/${code}`;
}

export function renderErrors(style: ErrorStyle, items: readonly ErrorItem[]): { errors: Record<string, unknown>[] } {
  return {
    errors: items.map((e) => {
      const out: Record<string, unknown> = { code: e.code, title: e.title };
      if (e.detail !== undefined) out.detail = e.detail;
      if (style === "minimal") return out;
      if (e.source) out.source = { ...e.source };
      out.meta = { url: errorUrl(e.code) };
      return out;
    }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": randomUUID(), ...headers },
  });
}

export function errorResponse(status: number, style: ErrorStyle, items: readonly ErrorItem[], headers: Record<string, string> = {}): Response {
  return json(status, renderErrors(style, items), headers);
}

/** A query parameter with a bad value. */
export function badParam(status: number, parameter: string, detail: string): SimHttpError {
  return new SimHttpError(status, [{ code: ERR.badRequest, title: "Bad Request", detail, source: { parameter } }]);
}

export function missingParam(status: number, parameter: string, detail?: string): SimHttpError {
  return new SimHttpError(status, [
    { code: ERR.missing, title: "Missing required parameter", detail: detail ?? `The parameter ${parameter} is required.`, source: { parameter } },
  ]);
}

/** A request body field with a bad value (pointer is an RFC 6901 pointer such as "/amount"). */
export function badField(pointer: string, detail: string, code: string = ERR.badRequest, title = "Invalid value"): SimHttpError {
  return new SimHttpError(422, [{ code, title, detail, source: { pointer } }]);
}

export function notFound(detail = "The requested resource or URL could not be found."): SimHttpError {
  return new SimHttpError(404, [{ code: ERR.notFound, title: "Resource not found", detail }]);
}

export const UNAUTHENTICATED: ErrorItem = {
  code: ERR.auth,
  title: "Authentication failed",
  detail: "The required authentication headers were either invalid or not included in the request.",
};

/** The default error for a status when a fault asks for one without a body. */
export function defaultErrorFor(status: number): ErrorItem {
  switch (status) {
    case 400:
      return { code: ERR.badRequest, title: "Bad Request", detail: "The request failed because it was not well-formed." };
    case 401:
      return UNAUTHENTICATED;
    case 403:
      return { code: ERR.forbidden, title: "Authorization failed", detail: "You do not have permission to perform the requested action on the specified resource or resources." };
    case 404:
      return { code: ERR.notFound, title: "Resource not found", detail: "The requested resource or URL could not be found." };
    case 408:
      return { code: ERR.timeout, title: "Request timeout", detail: "The request timed out." };
    case 422:
      return { code: ERR.badRequest, title: "Unprocessable entity", detail: "The request could not be processed." };
    case 429:
      return { code: ERR.tooMany, title: "Too many requests", detail: "You have exceeded the maximum number of allowed requests." };
    case 503:
      return { code: "10007", title: "Service unavailable", detail: "The service is temporarily unavailable." };
    default:
      return { code: ERR.unexpected, title: "Unexpected error", detail: "An unexpected error occured." };
  }
}
