import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { curlCommand, headerPair, shellQuote } from "./curl";
import { attemptOutcome, chronologicalAttempts, deliveryDurationMs, formatDuration, lastAttempt, webhookRequestBody } from "./deliveries";
import { explainWebhookError, httpStatusHint } from "./error-codes";

const delivery: WebhookDelivery = {
  id: "f5586561-8ff0-4291-a0ac-84fe544797bd",
  status: "delivered",
  webhook: { record_type: "event", event_type: "call.initiated", id: "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0", payload: { a: 1 } },
  started_at: "2020-08-10T14:00:00.000Z",
  finished_at: "2020-08-10T14:00:05.595Z",
  // Most recent first, as Telnyx lists them.
  attempts: [
    { status: "delivered", started_at: "2020-08-10T14:00:05.364Z", finished_at: "2020-08-10T14:00:05.595Z", http: { request: { url: "https://b.example.com" }, response: { status: 200, body: "ok" } } },
    { status: "failed", started_at: "2020-08-10T14:00:05.004Z", finished_at: "2020-08-10T14:00:05.360Z", http: { request: { url: "https://a.example.com" }, response: { status: 404 } }, errors: [75499] },
    { status: "failed", started_at: "2020-08-10T14:00:00.000Z", finished_at: "2020-08-10T14:00:05.000Z", http: { request: { url: "https://slow.example.com" }, response: null }, errors: [75001] },
  ],
};

describe("delivery facts", () => {
  it("orders attempts oldest first and finds the last one", () => {
    expect(chronologicalAttempts(delivery).map((a) => a.http?.request?.url)).toEqual([
      "https://slow.example.com",
      "https://a.example.com",
      "https://b.example.com",
    ]);
    expect(lastAttempt(delivery)?.status).toBe("delivered");
    expect(lastAttempt({ attempts: [] })).toBeUndefined();
  });

  it("measures the whole delivery and formats durations", () => {
    expect(deliveryDurationMs(delivery)).toBe(5595);
    expect(formatDuration(5595)).toBe("5.60 s");
    expect(formatDuration(450)).toBe("450 ms");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(null)).toBe("—");
  });

  it("names each attempt's outcome", () => {
    const [timeout, notFound, ok] = chronologicalAttempts(delivery);
    expect(attemptOutcome(timeout!)).toBe("error 75001");
    expect(attemptOutcome(notFound!)).toBe("HTTP 404");
    expect(attemptOutcome(ok!)).toBe("HTTP 200");
    expect(attemptOutcome({ status: "failed" })).toBe("no response");
  });

  it("rebuilds the body Telnyx posts", () => {
    expect(JSON.parse(webhookRequestBody(delivery))).toEqual({ data: delivery.webhook });
  });
});

describe("error codes", () => {
  it("explains the contract's codes and falls back to the number", () => {
    expect(explainWebhookError(75001).title).toBe("Could not resolve name");
    expect(explainWebhookError(75499, 404)).toMatchObject({ known: true, title: "Endpoint answered with an error" });
    expect(explainWebhookError(75499, 404).detail).toContain("HTTP 404");
    const unknown = explainWebhookError(75002, null);
    expect(unknown).toMatchObject({ known: false, title: "Error code 75002" });
    expect(unknown.detail).toContain("No HTTP response");
    expect(explainWebhookError(12345, 503).detail).toContain("HTTP 503");
    expect(httpStatusHint(502)).toContain("proxy");
  });
});

describe("copy as curl", () => {
  it("quotes anything for a POSIX shell", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const nasty = `$(rm -rf /) \`id\` "x" 'y' \\n ; | & <script>`;
    // The shell hands the value back unchanged: nothing in it ran.
    expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(nasty)}`]).toString()).toBe(nasty);
  });

  it("replays the request with its headers and body, minus what curl computes", () => {
    const cmd = curlCommand(
      {
        url: "https://hooks.example.com/telnyx?x=1&y=2",
        headers: [["Content-Type", "application/json"], ["Content-Length", "99"], ["telnyx-signature-ed25519", "abc=="], ["Accept: */*"]],
      },
      `{"data":{"text":"it's"}}`,
    );
    expect(cmd).toContain(`curl -X POST 'https://hooks.example.com/telnyx?x=1&y=2'`);
    expect(cmd).toContain(`-H 'Content-Type: application/json'`);
    expect(cmd).toContain(`-H 'Accept: */*'`);
    expect(cmd).toContain(`-H 'telnyx-signature-ed25519: abc=='`);
    expect(cmd).not.toContain("Content-Length");
    expect(cmd).toContain(`--data-raw '{"data":{"text":"it'\\''s"}}'`);
    expect(curlCommand({ url: "u", headers: [["telnyx-signature-ed25519", "a"], ["telnyx-timestamp", "1"]] }, "{}", { omitSignature: true })).not.toContain("telnyx-");
  });

  it("reads both header forms", () => {
    expect(headerPair(["Accept", "*/*"])).toEqual({ name: "Accept", value: "*/*" });
    expect(headerPair(["Accept: */*"])).toEqual({ name: "Accept", value: "*/*" });
  });
});
