import { describe, expect, it } from "vitest";
import { Big } from "@/lib/money";
import { familySubtotals, lineFamily } from "./families";

const simple = (name: string, alias: string) => ({ type: "simple" as const, name, alias });

describe("product families", () => {
  it.each([
    ["Outbound SMS", "sms_outbound", "messaging"],
    ["Outbound MMS", "mms_outbound", "messaging"],
    ["Carrier Passthrough Fees", "carrier_fees", "messaging"],
    ["10DLC Campaign Fees", "10dlc_campaign", "messaging"],
    ["Outbound Voice Minutes", "voice_outbound", "voice"],
    ["Toll-Free Inbound Minutes", "tollfree_inbound", "voice"],
    ["Conferencing Minutes", "conference", "voice"],
    ["Answering Machine Detection", "amd", "voice"],
    ["Wireless Data (MB)", "wireless_data", "wireless"],
    ["Verify (SMS)", "verify", "other"],
    ["Verify (Call)", "verify_call", "other"],
    ["Media Storage Operations", "media_storage", "other"],
    ["Something new", "new_thing", "other"],
  ])("puts the usage line %s (%s) under %s", (name, alias, family) => {
    expect(lineFamily(simple(name, alias))).toBe(family);
  });

  it("puts every recurring line under numbers", () => {
    expect(lineFamily({ type: "comparative", name: "Local DIDs", alias: "local" })).toBe("numbers");
    expect(lineFamily({ type: "comparative", name: "E911 Address", alias: "e911" })).toBe("numbers");
  });

  it("subtotals add up exactly, in the families' order", () => {
    const out = familySubtotals([
      { family: "voice", amount: new Big("1.10") },
      { family: "messaging", amount: new Big("0.0075") },
      { family: "voice", amount: new Big("2.20") },
    ]);
    expect(out.map((f) => [f.family, f.amount.toFixed(4), f.lines])).toEqual([
      ["messaging", "0.0075", 1],
      ["voice", "3.3000", 2],
    ]);
  });
});
