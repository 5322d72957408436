import { describe, expect, it } from "vitest";
import { ledgerConfig, parseIntervals } from "./config";

describe("ledgerConfig", () => {
  it("spends 60 upstream calls a minute on a real account unless told otherwise", () => {
    expect(ledgerConfig({ TELNYX_API_KEY: "KEYx" }).maxCallsPerMinute).toBe(60);
    expect(ledgerConfig({ TELNYX_API_KEY: "KEYx", SYNC_MAX_CALLS_PER_MINUTE: "300" }).maxCallsPerMinute).toBe(300);
  });

  it("lets the demo's embedded simulator backfill quickly, still within a stated budget", () => {
    expect(ledgerConfig({}).maxCallsPerMinute).toBe(1_200);
    expect(ledgerConfig({ SYNC_MAX_CALLS_PER_MINUTE: "30" }).maxCallsPerMinute).toBe(30);
  });

  it("refuses a budget that is not a positive whole number", () => {
    expect(() => ledgerConfig({ SYNC_MAX_CALLS_PER_MINUTE: "0" })).toThrow(/SYNC_MAX_CALLS_PER_MINUTE/);
    expect(() => ledgerConfig({ SYNC_MAX_CALLS_PER_MINUTE: "1.5" })).toThrow(/SYNC_MAX_CALLS_PER_MINUTE/);
  });

  it("reads per-stream intervals and refuses an unknown stream", () => {
    expect(parseIntervals("balance=60").balance).toBe(60);
    expect(() => parseIntervals("ledger=5")).toThrow(/unknown stream/);
  });
});
