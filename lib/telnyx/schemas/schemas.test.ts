import { describe, expect, it } from "vitest";
import { operationSpecs } from "../operation-specs";
import { autoRechargeUpdate } from "./auto-recharge";
import { chargesRange } from "./charges";
import { dateRange, detailRecordListQuery } from "./detail-records";
import { invoiceListQuery } from "./invoices";
import { paymentRequest } from "./payments";
import { webhookDeliveryListQuery } from "./webhook-deliveries";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("charges range", () => {
  it("accepts a calendar month (end exclusive) and exactly 31 days", () => {
    expect(chargesRange.safeParse({ start_date: "2025-05-01", end_date: "2025-06-01" }).success).toBe(true);
    expect(chargesRange.safeParse({ start_date: "2025-01-01", end_date: "2025-02-01" }).success).toBe(true);
  });
  it("refuses more than 31 days, an end before the start and dates that don't exist", () => {
    expect(messages(chargesRange.safeParse({ start_date: "2025-01-01", end_date: "2025-02-02" }))).toEqual([
      "end_date: must be at most 31 days after start_date",
    ]);
    expect(messages(chargesRange.safeParse({ start_date: "2025-05-10", end_date: "2025-05-01" }))).toEqual([
      "end_date: must be after start_date (the end date is exclusive)",
    ]);
    // The end is exclusive: the same day is an empty range, which Telnyx refuses.
    expect(messages(chargesRange.safeParse({ start_date: "2025-05-10", end_date: "2025-05-10" }))).toEqual([
      "end_date: must be after start_date (the end date is exclusive)",
    ]);
    expect(messages(chargesRange.safeParse({ start_date: "0000-01-01", end_date: "0000-01-15" }))).toEqual([
      "start_date: must be in 2000 or later",
      "end_date: must be in 2000 or later",
    ]);
    expect(chargesRange.safeParse({ start_date: "2025-02-30", end_date: "2025-03-01" }).success).toBe(false);
    expect(chargesRange.safeParse({ start_date: "2025-5-1", end_date: "2025-06-01" }).success).toBe(false);
    expect(chargesRange.safeParse({ start_date: "2025-05-01" }).success).toBe(false);
  });
});

describe("payment amounts", () => {
  it.each(["10.00", "1.00", "10000.00", "250.50"])("accepts %s", (amount) => {
    expect(paymentRequest.safeParse({ amount }).success).toBe(true);
  });
  it.each([
    ["12", "dollars and cents"],
    ["12.5", "dollars and cents"],
    ["-5.00", "dollars and cents"],
    ["1e3", "dollars and cents"],
    ["12.345", "dollars and cents"],
    ["abc", "dollars and cents"],
    ["0.00", "at least 1.00"],
    ["0.99", "at least 1.00"],
    ["99999999.00", "at most 10000.00"],
  ])("refuses %s with a message about %s", (amount, message) => {
    const result = paymentRequest.safeParse({ amount });
    expect(result.success).toBe(false);
    expect(messages(result).join()).toContain(message);
  });
  it("refuses a number instead of a string, and extra fields", () => {
    expect(paymentRequest.safeParse({ amount: 12 }).success).toBe(false);
    expect(paymentRequest.safeParse({ amount: "12.00", currency: "USD" }).success).toBe(false);
  });
});

describe("auto-recharge update", () => {
  it("accepts any subset of the fields", () => {
    expect(autoRechargeUpdate.safeParse({ enabled: false }).success).toBe(true);
    expect(autoRechargeUpdate.safeParse({ threshold_amount: "104.00", recharge_amount: "208.00", preference: "ach" }).success).toBe(true);
  });
  it("refuses an empty change, unknown fields, bad amounts and bad preferences", () => {
    expect(messages(autoRechargeUpdate.safeParse({})).join()).toContain("nothing to change");
    expect(autoRechargeUpdate.safeParse({ enabled: true, id: "x" }).success).toBe(false);
    expect(autoRechargeUpdate.safeParse({ threshold_amount: "104" }).success).toBe(false);
    expect(autoRechargeUpdate.safeParse({ recharge_amount: "1.00" }).success).toBe(false);
    expect(autoRechargeUpdate.safeParse({ preference: "card" }).success).toBe(false);
  });
});

describe("list queries", () => {
  it("apply defaults and the page caps", () => {
    expect(invoiceListQuery.parse({})).toEqual({ page: 1, size: 20, sort: "-period_start" });
    expect(invoiceListQuery.safeParse({ size: "250" }).success).toBe(true);
    expect(invoiceListQuery.safeParse({ size: "251" }).success).toBe(false);
    expect(invoiceListQuery.safeParse({ page: "0" }).success).toBe(false);
    expect(detailRecordListQuery.safeParse({ record_type: "messaging", size: "51" }).success).toBe(false);
    expect(webhookDeliveryListQuery.safeParse({ size: "1.5" }).success).toBe(false);
  });
  it("detail records need a known record type and a valid date range", () => {
    expect(messages(detailRecordListQuery.safeParse({})).join()).toContain("record_type");
    expect(detailRecordListQuery.safeParse({ record_type: "sms" }).success).toBe(false);
    expect(dateRange.safeParse("last_30_days").success).toBe(true);
    expect(dateRange.safeParse("this_month").success).toBe(true);
    expect(dateRange.safeParse("last_0_days").success).toBe(false);
    expect(dateRange.safeParse("last_week_ago").success).toBe(false);
  });
  it("webhook filters check their enums, times and event type lists", () => {
    expect(webhookDeliveryListQuery.safeParse({ status: "delivered", event_type: "call.initiated,message.sent" }).success).toBe(true);
    expect(webhookDeliveryListQuery.safeParse({ status: "pending" }).success).toBe(false);
    expect(webhookDeliveryListQuery.safeParse({ event_type: "call initiated" }).success).toBe(false);
    expect(webhookDeliveryListQuery.safeParse({ started_at_gte: "yesterday" }).success).toBe(false);
    expect(webhookDeliveryListQuery.safeParse({ started_at_gte: "2025-05-01T00:00:00Z" }).success).toBe(true);
  });
  it("ids must be UUIDs so no id can reach another Telnyx path", () => {
    const input = operationSpecs.invoice.input;
    expect(input.safeParse({ id: "../balance" }).success).toBe(false);
    expect(input.safeParse({ id: "7f7a0a8e-3c55-4b8e-9e8e-0d5b7a7c1a11" }).success).toBe(true);
  });
});

describe("operation table", () => {
  it("gives every operation a role list, and every write invalidation names a read", () => {
    for (const [name, spec] of Object.entries(operationSpecs)) {
      expect(spec.roles.length, name).toBeGreaterThan(0);
      for (const target of ("invalidates" in spec ? spec.invalidates : []) ?? [])
        expect(operationSpecs[target as keyof typeof operationSpecs]?.method, `${name} → ${target}`).toBe("GET");
      if (spec.method !== "GET") expect(spec.cacheTtlMs, name).toBe(0);
    }
  });
  it("keeps money movement to owners", () => {
    expect(operationSpecs.createPayment.roles).toEqual(["owner"]);
    expect(operationSpecs.updateAutoRecharge.roles).toEqual(["owner"]);
    expect(operationSpecs.auditEvents.roles).toEqual(["owner"]);
    expect(operationSpecs.webhookDeliveries.roles).toEqual(["owner"]);
  });
});
