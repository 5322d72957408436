import { describe, expect, it } from "vitest";
import type { WebhookAttempt, WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { buildHealthReport } from "./health-report";
import { bucketSizeFor, computeHealth, DAY_MS, HOUR_MS } from "./health";

let n = 0;
function delivery(startedAt: string, attempts: WebhookAttempt[]): WebhookDelivery {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: attempts.some((a) => a.status === "delivered") ? "delivered" : "failed",
    started_at: startedAt,
    attempts,
  };
}
const ok = (url: string, at: string): WebhookAttempt => ({ status: "delivered", started_at: at, http: { request: { url }, response: { status: 200 } } });
const http = (url: string, at: string, status: number): WebhookAttempt => ({ status: "failed", started_at: at, http: { request: { url }, response: { status } }, errors: [75499] });
const noResponse = (url: string, at: string, code = 75002): WebhookAttempt => ({ status: "failed", started_at: at, http: { request: { url }, response: null }, errors: [code] });

const A = "https://a.example.com/hooks";
const B = "https://b.example.com/hooks";
const window = { from: "2025-05-01T00:00:00.000Z", to: "2025-05-02T00:00:00.000Z" };

describe("computeHealth", () => {
  const deliveries = [
    delivery("2025-05-01T00:10:00Z", [ok(A, "2025-05-01T00:10:00Z")]),
    delivery("2025-05-01T00:20:00Z", [http(A, "2025-05-01T00:20:30Z", 503), http(A, "2025-05-01T00:20:00Z", 503)]),
    delivery("2025-05-01T05:00:00Z", [ok(B, "2025-05-01T05:01:00Z"), http(A, "2025-05-01T05:00:00Z", 404)]),
    delivery("2025-05-01T05:30:00Z", [noResponse(B, "2025-05-01T05:30:00Z"), noResponse(B, "2025-05-01T05:31:00Z")]),
    // Outside the window: ignored.
    delivery("2025-04-30T23:59:59Z", [http(B, "2025-04-30T23:59:59Z", 500)]),
  ];
  const r = computeHealth(deliveries, window);

  it("counts deliveries and attempts in the window", () => {
    expect(r).toMatchObject({ deliveries: 4, failedDeliveries: 2, deliveryFailureRate: 0.5, attempts: 7, failedAttempts: 5 });
  });

  it("buckets by hour for a day, with the failure rate of each bucket", () => {
    expect(r.bucketMs).toBe(HOUR_MS);
    expect(r.buckets).toHaveLength(25); // both ends included
    expect(r.buckets[0]).toEqual({ start: "2025-05-01T00:00:00.000Z", deliveries: 2, failed: 1, failureRate: 0.5 });
    expect(r.buckets[5]).toEqual({ start: "2025-05-01T05:00:00.000Z", deliveries: 2, failed: 1, failureRate: 0.5 });
    expect(r.buckets[1]!.failureRate).toBeNull();
    expect(r.buckets.reduce((s, b) => s + b.deliveries, 0)).toBe(4);
  });

  it("ranks target URLs by failed attempts with their most common failure", () => {
    expect(r.endpoints.map((e) => [e.url, e.attempts, e.failures])).toEqual([
      [A, 4, 3],
      [B, 3, 2],
    ]);
    expect(r.endpoints[0]!.topFailure).toEqual({ outcome: "HTTP 503", count: 2 });
    expect(r.endpoints[0]!.failureRate).toBe(0.75);
    expect(r.endpoints[0]!.lastFailureAt).toBe("2025-05-01T05:00:00.000Z");
    expect(r.endpoints[1]!.topFailure).toEqual({ outcome: "error 75002", count: 2 });
  });

  it("handles an empty window", () => {
    const empty = computeHealth([], window);
    expect(empty).toMatchObject({ deliveries: 0, deliveryFailureRate: null, endpoints: [] });
    expect(empty.buckets.every((b) => b.deliveries === 0 && b.failureRate === null)).toBe(true);
  });

  it("uses days beyond two days", () => {
    expect(bucketSizeFor(0, 2 * DAY_MS)).toBe(HOUR_MS);
    expect(bucketSizeFor(0, 2 * DAY_MS + 1)).toBe(DAY_MS);
  });
});

describe("buildHealthReport", () => {
  it("walks pages up to the cap and says when the window was cut short", async () => {
    const asked: number[] = [];
    const page = (p: number) => {
      asked.push(p);
      return Promise.resolve({ data: [delivery(`2025-05-01T0${p}:00:00Z`, [ok(A, `2025-05-01T0${p}:00:00Z`)])], meta: { total_pages: 6, total_results: 6 } });
    };
    const r = await buildHealthReport(window, page, 4);
    expect(asked.sort()).toEqual([1, 2, 3, 4]);
    expect(r.deliveries).toBe(4);
    expect(r.coverage).toEqual({ loaded: 4, total: 6, truncated: true });
    const all = await buildHealthReport(window, page, 20);
    expect(all.coverage).toEqual({ loaded: 6, total: 6, truncated: false });
  });

  it("fails when a page fails (no silent partial report)", async () => {
    await expect(
      buildHealthReport(window, (p) => (p === 2 ? Promise.reject(new Error("boom")) : Promise.resolve({ data: [], meta: { total_pages: 3, total_results: 0 } }))),
    ).rejects.toThrow("boom");
  });
});
