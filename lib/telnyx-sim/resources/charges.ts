// GET /charges_summary, GET /charges_breakdown
import { randomUUID } from "node:crypto";
import { computeBreakdown, computeSummary, type SummaryData } from "../data/charges";
import { csvRow } from "../csv";
import { badParam, json, missingParam } from "../http";
import { enumParam, scalar } from "../params";
import type { Store } from "../store";
import { DAY, addUtcMonths, isoDate, parseIsoDate } from "../time";
import type { Ctx } from "./common";

function chargesRange(ctx: Ctx, endRequired: boolean): { start: Date; end: Date } {
  const q = ctx.query;
  const rawStart = scalar(q.start_date, ["start_date"], 400);
  const rawEnd = scalar(q.end_date, ["end_date"], 400);
  if (rawStart === undefined || rawStart === "") throw missingParam(400, "start_date", "start_date is required (YYYY-MM-DD).");
  const start = parseIsoDate(rawStart);
  if (!start) throw badParam(400, "start_date", "start_date must be a valid date in the format YYYY-MM-DD.");
  let end: Date | null;
  if (rawEnd === undefined || rawEnd === "") {
    if (endRequired) throw missingParam(400, "end_date", "end_date is required (YYYY-MM-DD).");
    end = addUtcMonths(start, 1);
  } else {
    end = parseIsoDate(rawEnd);
    if (!end) throw badParam(400, "end_date", "end_date must be a valid date in the format YYYY-MM-DD.");
  }
  if (end.getTime() <= start.getTime()) throw badParam(400, "end_date", "end_date must be after start_date (the end date is exclusive).");
  if (end.getTime() - start.getTime() > 31 * DAY) throw badParam(400, "end_date", "The date range cannot exceed 31 days.");
  return { start, end };
}

function summaryFor(store: Store, start: Date, end: Date, now: Date): SummaryData {
  const key = `${isoDate(start)}|${isoDate(end)}|${isoDate(now)}`;
  const hit = store.summaryCache.get(key) as SummaryData | undefined;
  if (hit) return hit;
  const s = computeSummary(store.world, store.numbers, store.adjustments, store.usage, { start, end, now });
  store.summaryCache.set(key, s);
  return s;
}

export function getChargesSummary(ctx: Ctx): Response {
  const { start, end } = chargesRange(ctx, true);
  const s = summaryFor(ctx.store, start, end, ctx.now);
  const p = ctx.store.world.profile;
  return json(200, {
    data: {
      user_id: p.userId,
      start_date: isoDate(start),
      end_date: isoDate(end),
      user_email: p.email,
      currency: "USD",
      summary: { lines: s.lines, adjustments: s.adjustments },
      total: s.total,
    },
  });
}


export function getChargesBreakdown(ctx: Ctx): Response {
  const format = enumParam(scalar(ctx.query.format, ["format"], 400), ["json", "csv"] as const, "format", 400) ?? "json";
  const { start, end } = chargesRange(ctx, false);
  const rows = computeBreakdown(ctx.store.numbers, { start, end, now: ctx.now });
  const p = ctx.store.world.profile;
  if (format === "csv") {
    const lines = ["tn,charge_type,service_owner_user_id,service_owner_email,cost_type,service_name,cost"];
    for (const r of rows)
      for (const s of r.services) lines.push(csvRow([r.tn, r.charge_type, r.service_owner_user_id, r.service_owner_email, s.cost_type, s.name, s.cost]));
    return new Response(lines.join("\r\n") + "\r\n", { status: 200, headers: { "content-type": "text/csv; charset=utf-8", "x-request-id": randomUUID() } });
  }
  return json(200, {
    data: { user_id: p.userId, start_date: isoDate(start), end_date: isoDate(end), user_email: p.email, currency: "USD", results: rows },
  });
}
