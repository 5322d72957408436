// GET/PATCH /payment/auto_recharge_prefs and POST /v2/payment/stored_payment_transactions.
import { randomUUID } from "node:crypto";
import { paymentEvent, prefsDiff } from "../data/account";
import { ERR, SimHttpError, badField, json } from "../http";
import { formatCents, parseLooseAmount, parseStrictAmount } from "../money";
import type { Store } from "../store";
import { isoDateTime } from "../time";
import { addAuditEvent } from "./audit-events";
import { jsonBody, type Ctx } from "./common";

function prefsJson(store: Store): Record<string, unknown> {
  const a = store.autoRecharge;
  return {
    id: a.id,
    record_type: "auto_recharge_pref",
    threshold_amount: formatCents(a.thresholdCents),
    recharge_amount: formatCents(a.rechargeCents),
    enabled: a.enabled,
    invoice_enabled: a.invoiceEnabled,
    preference: a.preference,
  };
}

export function getAutoRecharge(ctx: Ctx): Response {
  return json(200, { data: prefsJson(ctx.store) });
}

export async function updateAutoRecharge(ctx: Ctx): Promise<Response> {
  const body = await jsonBody(ctx.request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badField("/", "The request body must be a JSON object.");
  const b = body as Record<string, unknown>;
  const next = { ...ctx.store.autoRecharge };
  if ("threshold_amount" in b) {
    const c = parseLooseAmount(b.threshold_amount);
    if (c === null) throw badField("/threshold_amount", 'threshold_amount must be a decimal string such as "104.00".');
    next.thresholdCents = c;
  }
  if ("recharge_amount" in b) {
    const c = parseLooseAmount(b.recharge_amount);
    if (c === null) throw badField("/recharge_amount", 'recharge_amount must be a decimal string such as "104.00".');
    if (c === 0) throw badField("/recharge_amount", "recharge_amount must be greater than 0.00.");
    next.rechargeCents = c;
  }
  for (const k of ["enabled", "invoice_enabled"] as const) {
    if (k in b && typeof b[k] !== "boolean") throw badField(`/${k}`, `${k} must be a boolean.`);
  }
  if (typeof b.enabled === "boolean") next.enabled = b.enabled;
  if (typeof b.invoice_enabled === "boolean") next.invoiceEnabled = b.invoice_enabled;
  if ("preference" in b) {
    if (b.preference !== "credit_paypal" && b.preference !== "ach") throw badField("/preference", "preference must be one of: credit_paypal, ach.");
    next.preference = b.preference;
  }
  const changes = prefsDiff(ctx.store.autoRecharge, next);
  ctx.store.autoRecharge = next;
  const cur = prefsJson(ctx.store);
  if (changes.length > 0) {
    addAuditEvent(ctx.store, ctx.now, {
      user_id: ctx.store.world.profile.userId,
      record_type: "auto_recharge_pref",
      resource_id: next.id,
      alternate_resource_id: null,
      change_made_by: "account_owner",
      changes,
      change_type: "update",
    });
  }
  return json(200, { data: cur });
}

export async function createStoredPayment(ctx: Ctx): Promise<Response> {
  const body = await jsonBody(ctx.request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badField("/", "The request body must be a JSON object.");
  const amount = (body as Record<string, unknown>).amount;
  if (amount === undefined) throw badField("/", "amount is required.", ERR.missing, "Missing required parameter");
  const cents = parseStrictAmount(amount);
  const amountError = (detail: string) =>
    new SimHttpError(422, [{ code: ERR.amount, title: "Invalid amount format", detail, source: { pointer: "/" } }]);
  if (cents === null) throw amountError('Amount must include dollars and cents (e.g. "120.00").');
  if (cents <= 0) throw amountError("Amount must be greater than 0.00.");

  const store = ctx.store;
  const idem = ctx.request.headers.get("idempotency-key");
  const bodyKey = String(cents);
  if (idem) {
    const prev = store.transactions.get(idem);
    if (prev) {
      if (prev.bodyKey !== bodyKey)
        throw new SimHttpError(422, [{ code: "10012", title: "Duplicate resource", detail: "This Idempotency-Key was already used with a different amount.", source: { pointer: "/" } }]);
      return json(200, { data: transactionJson(prev) });
    }
  }
  const tx = { id: randomUUID(), amountCents: cents, createdAt: isoDateTime(ctx.now), bodyKey };
  if (idem) store.transactions.set(idem, tx);
  const before = store.balanceCents;
  store.balanceCents += cents;
  store.addAudit(paymentEvent(store.world, store.nextId(), tx.id, ctx.now.getTime(), cents, before, false));
  return json(200, { data: transactionJson(tx) });
}

function transactionJson(tx: { id: string; amountCents: number; createdAt: string }): Record<string, unknown> {
  return {
    id: tx.id,
    record_type: "transaction",
    amount_cents: tx.amountCents,
    processor_status: "submitted_for_settlement",
    amount_currency: "USD",
    created_at: tx.createdAt,
    auto_recharge: false,
    transaction_processing_type: "stored_payment",
  };
}
