import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { actionLogOptions, invoiceSearchOptions, monthlySeriesOptions, webhookHealthOptions } from "./dashboard-queries";
import { invalidateActionLog, invalidateAfterWrite, keysStaleAfter } from "./invalidate";
import { queryKeys } from "./keys";
import { operationPagesQuery, operationQuery } from "./operation-query";

function clientWith(keys: ReadonlyArray<readonly unknown[]>): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { data: "cached" });
  return client;
}
const invalidated = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

const autoRecharge = operationQuery("autoRecharge", {}).queryKey;
const balance = operationQuery("balance", {}).queryKey;
const auditPage = operationQuery("auditEvents", { page: 2, size: 50 }).queryKey;
const auditPages = operationPagesQuery("auditEvents", { size: 50 }).queryKey;
const actionLog = actionLogOptions({ action: "payment.create", page: 1, size: 10 }).queryKey;
const actionLogFiltered = actionLogOptions({ user: "a@example.com", page: 3, size: 50 }).queryKey;
const series = monthlySeriesOptions(12).queryKey;

describe("query keys", () => {
  it("nest every read under its family's prefix, client options and factory alike", () => {
    expect(autoRecharge).toEqual(queryKeys.telnyx.read("autoRecharge", {}));
    expect(auditPage.slice(0, 2)).toEqual(queryKeys.telnyx.operation("auditEvents"));
    expect(auditPages.slice(0, 2)).toEqual(queryKeys.telnyx.operation("auditEvents"));
    expect(actionLog.slice(0, 2)).toEqual(queryKeys.dashboard.family("actionLog"));
    expect(series.slice(0, 2)).toEqual(queryKeys.dashboard.family("chargesMonthly"));
    expect(invoiceSearchOptions({ year: null, paid: null, page: 1 }).queryKey.slice(0, 2)).toEqual(queryKeys.dashboard.family("invoiceSearch"));
    expect(webhookHealthOptions({ from: "a", to: "b" }).queryKey.slice(0, 2)).toEqual(queryKeys.dashboard.family("webhookHealth"));
  });

  it("keep the two roots apart, so a prefix never matches another family", () => {
    expect(queryKeys.telnyx.all()).not.toEqual(queryKeys.dashboard.all());
    expect(keysStaleAfter("createPayment")).toEqual([["telnyx", "balance"], ["telnyx", "auditEvents"], ["dashboard", "actionLog"], ["dashboard", "payments"]]);
  });
});

describe("invalidateAfterWrite", () => {
  it("invalidates, by prefix, every page and filter of the reads a write makes stale, and the action log", async () => {
    const client = clientWith([autoRecharge, balance, auditPage, auditPages, actionLog, actionLogFiltered, series]);
    await invalidateAfterWrite(client, "updateAutoRecharge");
    for (const key of [autoRecharge, auditPage, auditPages, actionLog, actionLogFiltered]) expect(invalidated(client, key)).toBe(true);
    // Reads the write leaves alone stay fresh.
    expect(invalidated(client, balance)).toBe(false);
    expect(invalidated(client, series)).toBe(false);
  });

  it("after a payment: the balance and the recent payments (the action log) are stale", async () => {
    const client = clientWith([autoRecharge, balance, actionLog]);
    await invalidateAfterWrite(client, "createPayment");
    expect(invalidated(client, balance)).toBe(true);
    expect(invalidated(client, actionLog)).toBe(true);
    expect(invalidated(client, autoRecharge)).toBe(false);
  });

  it("a write that surely failed still refreshes the action log, and nothing else", async () => {
    const client = clientWith([autoRecharge, actionLogFiltered]);
    await invalidateActionLog(client);
    expect(invalidated(client, actionLogFiltered)).toBe(true);
    expect(invalidated(client, autoRecharge)).toBe(false);
  });
});
