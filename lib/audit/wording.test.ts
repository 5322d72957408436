import { describe, expect, it } from "vitest";
import { describeChange, fieldLabel, matchActor, presetStart, summarizeChanges, valueWords } from "./wording";

describe("audit wording", () => {
  it("names fields in words, per resource", () => {
    expect(fieldLabel("recharge_amount", "auto_recharge_pref")).toBe("Recharge amount");
    expect(fieldLabel("enabled", "auto_recharge_pref")).toBe("Auto-recharge");
    expect(fieldLabel("some_new_field.sub_id", "x")).toBe("Some new field sub ID");
    expect(fieldLabel(null, "x")).toBe("A field");
  });

  it("writes values as money, on/off, methods and lists", () => {
    expect(valueWords("recharge_amount", "100.00", "USD")).toBe("$100.00");
    expect(valueWords("threshold_amount", "104.5", "USD")).toBe("$104.50");
    expect(valueWords("max_destination_rate", 0.25, "USD")).toBe("$0.25");
    expect(valueWords("amount", "0.0075", "USD")).toBe("$0.0075");
    expect(valueWords("enabled", true, "USD")).toBe("on");
    expect(valueWords("preference", "ach", "USD")).toBe("bank account (ACH)");
    expect(valueWords("whitelisted_destinations", ["US", "CA"], "USD")).toBe("US, CA");
    expect(valueWords("whitelisted_destinations", [], "USD")).toBe("none");
    expect(valueWords("number_pool_settings", { toll_free_weight: 10, geomatch: false }, "USD")).toBe("toll free weight 10, geomatch off");
    expect(valueWords("recharge_amount", "not money", "USD")).toBe("not money");
  });

  it("describes a change as a person would say it", () => {
    expect(describeChange({ field: "recharge_amount", from: "100.00", to: "225.00" }, "auto_recharge_pref", "USD")).toBe("Recharge amount $100.00 → $225.00");
    expect(describeChange({ field: "enabled", from: true, to: false }, "auto_recharge_pref", "USD")).toBe("Auto-recharge on → off");
    expect(describeChange({ field: "amount", from: null, to: "50.00" }, "payment", "USD")).toBe("Amount set to $50.00");
    expect(describeChange({ field: "emergency_address_id", from: "17", to: null }, "phone_number", "USD")).toBe("Emergency address removed (was 17)");
    expect(summarizeChanges(null, "user", "create", "USD")).toBe("created");
    expect(summarizeChanges([{ field: "role", from: "member", to: "admin" }, { field: "name", from: "a", to: "b" }], "user", "update", "USD")).toBe(
      "Role member → admin; Name a → b",
    );
  });

  it("finds the dashboard user of a change by time and resource, and only then", () => {
    const at = "2025-05-01T10:00:00.000Z";
    const actions = [
      { at: "2025-05-01T09:59:58.000Z", userEmail: "owner@x.test", action: "auto_recharge.update", params: {}, outcome: "success" },
      { at: "2025-05-01T09:40:00.000Z", userEmail: "early@x.test", action: "auto_recharge.update", params: {}, outcome: "success" },
      { at: "2025-05-01T10:00:01.000Z", userEmail: "failed@x.test", action: "auto_recharge.update", params: {}, outcome: "failure" },
      { at: "2025-05-01T10:00:00.500Z", userEmail: "payer@x.test", action: "payment.create", params: { amount: "50.00" }, outcome: "success" },
    ];
    expect(matchActor({ record_type: "auto_recharge_pref", created_at: at }, actions)).toBe("owner@x.test");
    expect(matchActor({ record_type: "payment", created_at: at, changes: [{ field: "amount", from: null, to: "50.00" }] }, actions)).toBe("payer@x.test");
    // A different amount is another payment; an auto-recharge is nobody's click; unknown resources match nothing.
    expect(matchActor({ record_type: "payment", created_at: at, changes: [{ field: "amount", from: null, to: "60.00" }] }, actions)).toBeNull();
    expect(matchActor({ record_type: "payment", created_at: at, changes: [{ field: "amount", to: "50.00" }, { field: "auto_recharge", to: true }] }, actions)).toBeNull();
    expect(matchActor({ record_type: "phone_number", created_at: at }, actions)).toBeNull();
    expect(matchActor({ record_type: "auto_recharge_pref", created_at: "2025-05-01T11:00:00Z" }, actions)).toBeNull();
  });

  it("computes the preset windows", () => {
    expect(presetStart(24, Date.parse("2025-05-02T00:00:00Z"))).toBe("2025-05-01T00:00:00.000Z");
  });
});
