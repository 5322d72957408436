import { describe, expect, it } from "vitest";
import { autoRechargeFormSchema } from "./auto-recharge-schema";
import {
  changedFields,
  describeChanges,
  describeImmediateRecharge,
  describeRule,
  describeSaveResult,
  toFormValues,
  type AutoRechargeFormValues,
} from "./auto-recharge";

const saved: AutoRechargeFormValues = {
  enabled: true,
  threshold_amount: "104.00",
  recharge_amount: "104.00",
  preference: "credit_paypal",
  invoice_enabled: false,
};

const errors = (values: unknown, base?: AutoRechargeFormValues) => {
  const r = autoRechargeFormSchema(base).safeParse(values);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the form schema", () => {
  it("accepts valid settings and trims amounts", () => {
    const r = autoRechargeFormSchema().safeParse({ ...saved, threshold_amount: " 50.00 " });
    expect(r.success && r.data.threshold_amount).toBe("50.00");
  });

  it.each([
    ["12", "threshold_amount", "must be an amount with dollars and cents, such as 25.00"],
    ["12.5", "threshold_amount", "must be an amount with dollars and cents, such as 25.00"],
    ["-5.00", "threshold_amount", "must be an amount with dollars and cents, such as 25.00"],
    ["1e3", "threshold_amount", "must be an amount with dollars and cents, such as 25.00"],
    ["4.99", "threshold_amount", "must be at least 5.00"],
    ["100000.01", "threshold_amount", "must be at most 100000.00"],
  ])("refuses threshold %s with a message on that field", (value, field, message) => {
    expect(errors({ ...saved, [field]: value })).toEqual({ [field]: message });
  });

  it("checks the recharge amount with its own bounds", () => {
    expect(errors({ ...saved, recharge_amount: "9.99" })).toEqual({ recharge_amount: "must be at least 10.00" });
    expect(errors({ ...saved, recharge_amount: "10000.01" })).toEqual({ recharge_amount: "must be at most 10000.00" });
    expect(errors({ ...saved, recharge_amount: "" })).toEqual({
      recharge_amount: "must be an amount with dollars and cents, such as 25.00",
    });
  });

  it("refuses an unknown payment preference", () => {
    expect(Object.keys(errors({ ...saved, preference: "bitcoin" }))).toEqual(["preference"]);
  });

  it("lets a stored out-of-bounds amount stay as it is (it is not sent), but not be changed to another bad one", () => {
    const odd = { ...saved, threshold_amount: "0.00" };
    expect(errors({ ...odd, enabled: false }, odd)).toEqual({});
    expect(errors({ ...odd, threshold_amount: "1.00" }, odd)).toEqual({ threshold_amount: "must be at least 5.00" });
  });
});

describe("changed fields", () => {
  it("sends nothing when nothing changed, amounts compared as numbers", () => {
    expect(changedFields(saved, { ...saved })).toEqual({});
    expect(changedFields({ ...saved, threshold_amount: "104.0" }, saved)).toEqual({});
  });

  it("sends only the fields that changed", () => {
    expect(changedFields(saved, { ...saved, recharge_amount: "250.00", preference: "ach" })).toEqual({
      recharge_amount: "250.00",
      preference: "ach",
    });
    expect(changedFields(saved, { ...saved, enabled: false })).toEqual({ enabled: false });
  });

  it("describes each change old → new in words", () => {
    const body = changedFields(saved, { ...saved, enabled: false, threshold_amount: "50.00", preference: "ach", invoice_enabled: true });
    expect(describeChanges(saved, body, "USD")).toEqual([
      { field: "enabled", label: "Auto-recharge", from: "On", to: "Off" },
      { field: "threshold_amount", label: "Threshold", from: "$104.00", to: "$50.00" },
      { field: "preference", label: "Payment method", from: "PayPal/credit card", to: "bank account (ACH)" },
      { field: "invoice_enabled", label: "Invoice for each recharge", from: "No", to: "Yes" },
    ]);
  });
});

describe("toFormValues", () => {
  it("shows Telnyx's amounts with cents and fills defaults for fields it left out", () => {
    expect(toFormValues({ enabled: false, threshold_amount: "104.5", recharge_amount: "20" })).toEqual({
      enabled: false,
      threshold_amount: "104.50",
      recharge_amount: "20.00",
      preference: "credit_paypal",
      invoice_enabled: false,
    });
  });
});

describe("the rule in words", () => {
  it("matches the example: below $104.00, charged up to $208.00", () => {
    expect(describeRule(saved, "USD")).toBe(
      "When your balance falls below $104.00, we charge your PayPal/credit card so the balance reaches $208.00.",
    );
  });

  it.each([
    [{ threshold_amount: "5.00", recharge_amount: "10.00", preference: "ach" as const }, "When your balance falls below $5.00, we charge your bank account (ACH) so the balance reaches $15.00."],
    [{ threshold_amount: "1000.00", recharge_amount: "2500.50" }, "When your balance falls below $1,000.00, we charge your PayPal/credit card so the balance reaches $3,500.50."],
    [{ threshold_amount: "0.10", recharge_amount: "0.20" }, "When your balance falls below $0.10, we charge your PayPal/credit card so the balance reaches $0.30."],
  ])("%o", (change, text) => {
    expect(describeRule({ ...saved, ...change }, "USD")).toBe(text);
  });

  it("says plainly when auto-recharge is off, and nothing while an amount is not a number", () => {
    expect(describeRule({ ...saved, enabled: false }, "USD")).toBe(
      "Auto-recharge is off: your balance is never topped up automatically.",
    );
    expect(describeRule({ ...saved, threshold_amount: "abc" }, "USD")).toBeNull();
  });

  it("uses the account's currency", () => {
    expect(describeRule(saved, "EUR")).toContain("€104.00");
  });
});

describe("a recharge right after saving", () => {
  it("is announced when the balance is already below the threshold", () => {
    expect(describeImmediateRecharge(saved, "50.00", "USD")).toBe(
      "Your balance ($50.00) is already below $104.00, so Telnyx is likely to charge about $158.00 soon after you save.",
    );
    expect(describeImmediateRecharge(saved, "-20.00", "USD")).toContain("about $228.00");
  });
  it("is not announced otherwise", () => {
    expect(describeImmediateRecharge(saved, "104.00", "USD")).toBeNull();
    expect(describeImmediateRecharge({ ...saved, enabled: false }, "1.00", "USD")).toBeNull();
  });
});

describe("describeSaveResult", () => {
  it("reports old → what Telnyx stored for each field sent", () => {
    const stored = { ...saved, recharge_amount: "250.00", preference: "ach" as const };
    expect(describeSaveResult(saved, { recharge_amount: "250.00", preference: "ach" }, stored, "USD")).toEqual({
      changes: [
        { field: "recharge_amount", label: "Recharge amount", from: "$104.00", to: "$250.00" },
        { field: "preference", label: "Payment method", from: "PayPal/credit card", to: "bank account (ACH)" },
      ],
      differs: [],
    });
  });
  it("points out a field Telnyx stored differently from what was sent", () => {
    const stored = { ...saved, threshold_amount: "100.00" };
    expect(describeSaveResult(saved, { threshold_amount: "99.50" }, stored, "USD").differs).toEqual(["Threshold"]);
  });
});
