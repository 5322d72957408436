// GET /webhook_deliveries, GET /webhook_deliveries/{id}
import { lowerBound, upperBound } from "../data/timeline";
import { deliveryEventType, deliveryStatus, generateDelivery } from "../data/webhooks";
import { badParam, json, notFound } from "../http";
import { enumParam, objectParam, parsePage, scalar } from "../params";
import { isObject, type QueryObject } from "../query";
import { MINUTE } from "../time";
import { UUID_RE, cachedIndices, dateTimeParam, listPage, type Ctx } from "./common";

/** A delivery shows once it has finished: its retries take at most about five minutes. */
const DELIVERY_SETTLE_MS = 5 * MINUTE;

export function listWebhookDeliveries(ctx: Ctx): Response {
  const { store, query, now } = ctx;
  const page = parsePage(query, 422, 250);
  const filter = objectParam(query, "filter", 422) ?? {};
  const sub = (key: string): QueryObject | undefined => {
    const v = filter[key];
    if (v === undefined) return undefined;
    if (!isObject(v)) throw badParam(422, `filter[${key}]`, `filter[${key}] must be given as filter[${key}][operator]=value.`);
    return v;
  };
  const status = enumParam(scalar(sub("status")?.eq, ["filter", "status", "eq"], 422), ["delivered", "failed"] as const, "filter[status][eq]", 422);
  const eventTypes = scalar(filter.event_type, ["filter", "event_type"], 422)
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const webhookContains = scalar(sub("webhook")?.contains, ["filter", "webhook", "contains"], 422);
  const attemptsContains = scalar(sub("attempts")?.contains, ["filter", "attempts", "contains"], 422);
  const started = sub("started_at");
  const finished = sub("finished_at");
  const sGte = dateTimeParam(started?.gte, ["filter", "started_at", "gte"], 422);
  const sLte = dateTimeParam(started?.lte, ["filter", "started_at", "lte"], 422);
  const fGte = dateTimeParam(finished?.gte, ["filter", "finished_at", "gte"], 422);
  const fLte = dateTimeParam(finished?.lte, ["filter", "finished_at", "lte"], 422);

  const tl = store.webhookTl;
  let lo = sGte === undefined ? 0 : lowerBound(tl, sGte);
  let hi = upperBound(tl, now.getTime() - DELIVERY_SETTLE_MS);
  if (sLte !== undefined) hi = Math.min(hi, upperBound(tl, sLte));
  if (fGte !== undefined) lo = Math.max(lo, lowerBound(tl, fGte - DELIVERY_SETTLE_MS));
  if (fLte !== undefined) hi = Math.min(hi, upperBound(tl, fLte));
  hi = Math.max(lo, hi);
  const numbers = store.numbers;
  const gen = (i: number) => generateDelivery(store.world, numbers, tl, i, store.failureShareAt(tl.ts(i)));
  const needsScan = status !== undefined || (eventTypes && eventTypes.length > 0) || webhookContains !== undefined || attemptsContains !== undefined || fGte !== undefined || fLte !== undefined;
  if (!needsScan) return json(200, listPage(hi - lo, page, (k) => gen(hi - 1 - k)));
  const key = JSON.stringify(["wh", lo, hi, status, eventTypes, webhookContains, attemptsContains, fGte, fLte]);
  const list = cachedIndices(store, key, () => {
    const out: number[] = [];
    const full = webhookContains !== undefined || attemptsContains !== undefined || fGte !== undefined || fLte !== undefined;
    for (let i = hi - 1; i >= lo; i--) {
      if (status !== undefined && deliveryStatus(store.world, i, store.failureShareAt(tl.ts(i))) !== status) continue;
      if (eventTypes && eventTypes.length > 0 && !eventTypes.includes(deliveryEventType(store.world, i))) continue;
      if (full) {
        const d = gen(i);
        if (webhookContains !== undefined && !JSON.stringify(d.webhook).includes(webhookContains)) continue;
        if (attemptsContains !== undefined && !JSON.stringify(d.attempts).includes(attemptsContains)) continue;
        const f = Date.parse(d.finished_at);
        if (fGte !== undefined && f < fGte) continue;
        if (fLte !== undefined && f > fLte) continue;
      }
      out.push(i);
    }
    return Int32Array.from(out);
  });
  return json(200, listPage(list.length, page, (k) => gen(list[k]!)));
}

export function getWebhookDelivery(ctx: Ctx, id: string): Response {
  const { store, now } = ctx;
  const i = UUID_RE.test(id) ? store.webhookIndex(id) : undefined;
  if (i === undefined || store.webhookTl.ts(i) > now.getTime() - DELIVERY_SETTLE_MS) throw notFound("WebhookDelivery not found.");
  return json(200, { data: generateDelivery(store.world, store.numbers, store.webhookTl, i, store.failureShareAt(store.webhookTl.ts(i))) });
}
