import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "telnyx";
import { describe, expect, it } from "vitest";
import { retryAfterMs, toApiError } from "./upstream-errors";

const h = (init: Record<string, string> = {}) => new Headers(init);

describe("toApiError", () => {
  it("says the dashboard's key was rejected on a 401, as a 502, without echoing anything upstream sent", () => {
    const e = toApiError(new AuthenticationError(401, { errors: [{ detail: "key KEY123 invalid" }] }, "401", h()));
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/API key was rejected/);
    expect(JSON.stringify(e.toBody())).not.toContain("KEY123");
  });

  it("maps 403, 404 and 422 with Telnyx's detail", () => {
    expect(toApiError(new PermissionDeniedError(403, { errors: [{ detail: "no billing scope" }] }, "", h())).status).toBe(403);
    const nf = toApiError(new NotFoundError(404, { errors: [{ code: "10005", title: "Not found", detail: "Invoice not found" }] }, "", h()));
    expect([nf.status, nf.message]).toEqual([404, "Invoice not found"]);
    const bad = toApiError(
      new UnprocessableEntityError(422, { errors: [{ code: "10015", title: "Invalid", detail: "Amount must include dollars and cents", source: { pointer: "/amount" } }] }, "", h()),
    );
    expect(bad.status).toBe(422);
    expect(bad.toBody().errors[0]).toMatchObject({ detail: "Amount must include dollars and cents", source: { pointer: "/amount" } });
  });

  it("scrubs the configured key and bearer-like strings from every upstream message it passes on", () => {
    const saved = process.env.TELNYX_API_KEY;
    process.env.TELNYX_API_KEY = "fake-key-7f3a9c";
    try {
      const quoting = { errors: [{ code: "10015", title: "Bad fake-key-7f3a9c", detail: "Header Authorization: Bearer fake-key-7f3a9c, also Bearer other.token.x and KEY0123456789ABCDEFGH_abc" }] };
      for (const e of [
        toApiError(new UnprocessableEntityError(422, quoting, "", h())),
        toApiError(new PermissionDeniedError(403, quoting, "", h())),
        toApiError(new NotFoundError(404, quoting, "", h())),
      ]) {
        const sent = JSON.stringify(e.toBody()) + e.message;
        expect(sent).not.toMatch(/fake-key-7f3a9c|other\.token|KEY0123456789ABCDEFGH_abc/);
        expect(sent).toContain("[redacted]");
      }
    } finally {
      process.env.TELNYX_API_KEY = saved;
    }
  });

  it("passes a 429's wait on", () => {
    const e = toApiError(new RateLimitError(429, undefined, "", h({ "retry-after": "7" })));
    expect([e.status, e.headers["retry-after"]]).toEqual([429, "7"]);
    expect(e.message).toContain("7 s");
  });

  it("maps upstream failures, timeouts and network errors to 503/504", () => {
    expect(toApiError(new InternalServerError(500, undefined, "", h())).status).toBe(503);
    expect(toApiError(new InternalServerError(504, undefined, "", h())).status).toBe(504);
    expect(toApiError(new APIConnectionTimeoutError()).status).toBe(504);
    expect(toApiError(new APIConnectionError({ message: "ECONNREFUSED 10.0.0.1" })).status).toBe(503);
    expect(toApiError(new APIConnectionError({ message: "ECONNREFUSED 10.0.0.1" })).message).not.toContain("10.0.0.1");
  });

  it("hides unknown errors behind a generic 500", () => {
    const e = toApiError(new Error("secret stack detail"));
    expect(e.status).toBe(500);
    expect(e.message).not.toContain("secret");
  });
});

describe("retryAfterMs", () => {
  it("reads seconds, HTTP dates and retry-after-ms", () => {
    expect(retryAfterMs(h({ "retry-after": "3" }))).toBe(3000);
    expect(retryAfterMs(h({ "retry-after-ms": "250" }))).toBe(250);
    expect(retryAfterMs(h({ "retry-after": new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(h())).toBeUndefined();
  });
});
