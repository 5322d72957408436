// GET /audit_events: the generated timeline merged with the events writes added.
import { generateAuditEvent, type AuditEvent } from "../data/audit";
import { lowerBound, upperBound } from "../data/timeline";
import { json } from "../http";
import { enumParam, objectParam, pageBounds, pageMeta, parsePage, scalar } from "../params";
import type { Store } from "../store";
import { isoDateTime } from "../time";
import { dateTimeParam, mergedSlice, type Ctx } from "./common";

export function listAuditEvents(ctx: Ctx): Response {
  const { store, query, now } = ctx;
  const page = parsePage(query, 422, 250);
  const sort = enumParam(scalar(query.sort, ["sort"], 422), ["asc", "desc"] as const, "sort", 422) ?? "desc";
  const filter = objectParam(query, "filter", 422);
  const after = dateTimeParam(filter?.created_after, ["filter", "created_after"], 422);
  const before = dateTimeParam(filter?.created_before, ["filter", "created_before"], 422);
  const tl = store.auditTl;
  const lo = after === undefined ? 0 : upperBound(tl, after);
  let hi = upperBound(tl, now.getTime());
  if (before !== undefined) hi = Math.min(hi, lowerBound(tl, before));
  const extras = store.accountAudit.filter((e) => {
    const t = Date.parse(e.created_at);
    return t <= now.getTime() && (after === undefined || t > after) && (before === undefined || t < before);
  });
  const total = Math.max(0, hi - lo) + extras.length;
  const [start, end] = pageBounds(total, page);
  const slice = mergedSlice(tl, lo, Math.max(lo, hi), extras, (e) => Date.parse(e.created_at), sort === "desc", start, end);
  const numbers = store.numbers;
  const data = slice.map((s) => ("gen" in s ? generateAuditEvent(store.world, numbers, tl, s.gen) : s.extra));
  return json(200, { data, meta: pageMeta(total, page) });
}

export function addAuditEvent(store: Store, now: Date, e: Omit<AuditEvent, "id" | "organization_id" | "created_at">): void {
  store.addAudit({ id: store.nextId(), organization_id: store.world.profile.organizationId, created_at: isoDateTime(now), ...e });
}
