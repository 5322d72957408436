import { describe, expect, it } from "vitest";
import { ApiClientError } from "@/lib/api/fetcher";
import { describeWriteError } from "./write-errors";

const err = (status: number, detail: string, extra: Partial<{ code: string; pointer: string }> = {}, retry?: number) =>
  new ApiClientError(
    status,
    detail,
    [{ code: extra.code ?? "x", title: "t", detail, ...(extra.pointer ? { source: { pointer: extra.pointer } } : {}) }],
    retry,
  );

describe("describeWriteError", () => {
  it("an unknown outcome tells the user to check before trying again", () => {
    const m = describeWriteError(err(504, "Telnyx did not confirm", { code: "outcome_unknown" }), "payment");
    expect(m.kind).toBe("outcome_unknown");
    expect(m.detail).toContain("Check your balance before trying again.");
    expect(describeWriteError(err(504, "x", { code: "outcome_unknown" }), "auto-recharge").detail).toContain("check them before saving again");
  });

  it("a lost connection to the dashboard is an unknown outcome too (the request may have arrived)", () => {
    expect(describeWriteError(new ApiClientError(0, "The dashboard's server could not be reached."), "payment").kind).toBe("outcome_unknown");
  });

  it("a 422 quotes Telnyx's reason and points at the field", () => {
    const m = describeWriteError(err(422, "Amount must include dollars and cents", { pointer: "/amount" }), "payment");
    expect(m).toMatchObject({ kind: "invalid", title: "The payment was refused", reason: "Amount must include dollars and cents" });
    expect(m.detail).toContain("Nothing was charged.");
    expect(m.fields).toEqual([{ field: "amount", message: "Amount must include dollars and cents" }]);
    // The dashboard's own 422 prefixes the field name; the field message drops it.
    expect(describeWriteError(err(422, "threshold_amount: must be at least 5.00", { pointer: "/threshold_amount" }), "auto-recharge").fields).toEqual([
      { field: "threshold_amount", message: "must be at least 5.00" },
    ]);
  });

  it("403, 429 and 5xx each have their own message", () => {
    expect(describeWriteError(err(403, "The dashboard's Telnyx API key lacks permission for this."), "payment")).toMatchObject({
      kind: "forbidden",
      title: "Not allowed",
      reason: "The dashboard's Telnyx API key lacks permission for this.",
    });
    const limited = describeWriteError(err(429, "rate limited", {}, 12), "auto-recharge");
    expect(limited).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 12 });
    expect(limited.detail).toBe("Nothing was saved. Try again in 12 s.");
    expect(describeWriteError(err(429, "rate limited"), "payment").detail).toBe("Nothing was charged. Wait a moment and try again.");
    expect(describeWriteError(err(503, "Telnyx is having problems (HTTP 503)."), "auto-recharge")).toMatchObject({
      kind: "upstream_down",
      title: "Telnyx is unavailable",
    });
  });

  it("anything else still says something", () => {
    expect(describeWriteError(new Error("boom"), "payment")).toMatchObject({ kind: "other", detail: "boom" });
    expect(describeWriteError(err(409, "still running"), "payment").kind).toBe("conflict");
  });
});
