// Inputs of the ledger's API routes, validated before anything is read.
import { z } from "zod";
import { isoDate, optionalText, pageNumber, pageSize } from "@/lib/telnyx/schemas/common";
import { STREAMS } from "./config";

export const MAX_HISTORY_DAYS = 3_700;
const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * DAY_MS).toISOString().slice(0, 10);

const rangeFields = { from: isoDate.optional(), to: isoDate.optional() };

/** UTC days, `from` inclusive and `to` exclusive; by default the 31 days up to today included. */
function withDayRange<T extends { from?: string; to?: string }>(schema: z.ZodType<T>) {
  return schema
    .transform((r) => {
      const to = r.to ?? daysBefore(today(), -1);
      return { ...r, from: r.from ?? daysBefore(to, 31), to };
    })
    .superRefine((r, ctx) => {
      const days = (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS;
      if (days <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
      else if (days > MAX_HISTORY_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_HISTORY_DAYS} days after from` });
    });
}

export const dayRange = withDayRange(z.object(rangeFields));

export const dailySpendQuery = withDayRange(
  z.object({ ...rangeFields, group_by: z.enum(["record_type", "tag"], { error: "must be record_type or tag" }).default("record_type") }),
);

export const syncRunBody = z.object({
  stream: z.enum(STREAMS, { error: `must be one of ${STREAMS.join(", ")}` }).optional(),
});

export const ledgerSearchQuery = z.object({
  q: optionalText(200),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: pageNumber,
  size: pageSize(250, 50),
});
