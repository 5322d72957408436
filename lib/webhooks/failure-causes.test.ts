import { describe, expect, it } from "vitest";
import type { WebhookAttempt } from "@/lib/telnyx/schemas/webhook-deliveries";
import { causeCounts, failureCause } from "./failure-causes";

const attempt = (status: number | null, errors?: number[]) =>
  ({ status: "failed", errors, http: status === null ? { request: { url: "https://x" } } : { request: { url: "https://x" }, response: { status } } }) as WebhookAttempt;

describe("webhook failure causes", () => {
  it("puts each failed attempt under a cause in words", () => {
    expect(failureCause(attempt(503, [75499]))).toBe("http_5xx");
    expect(failureCause(attempt(404, [75499]))).toBe("http_4xx");
    expect(failureCause(attempt(302))).toBe("http_other");
    expect(failureCause(attempt(null, [75001]))).toBe("dns");
    expect(failureCause(attempt(null, [75002]))).toBe("no_response");
    expect(failureCause(attempt(null))).toBe("no_response");
  });
  it("counts by cause, most frequent first", () => {
    expect(causeCounts({ http_4xx: 2, http_5xx: 5, dns: 0 })).toEqual([
      { cause: "http_5xx", label: "Server errors (HTTP 5xx)", count: 5 },
      { cause: "http_4xx", label: "Rejected by the endpoint (HTTP 4xx)", count: 2 },
    ]);
  });
});
