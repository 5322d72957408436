// Inputs of the month-close routes, validated before anything is read.
import { z } from "zod";
import { MONTH_PATTERN } from "./month";

export const monthField = z.string({ error: "month is required (YYYY-MM)" }).regex(MONTH_PATTERN, "must be a month as YYYY-MM");
const flag = z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0").transform((v) => v === "1");

export const reconciliationQuery = z.object({ month: monthField, format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json") });
export const focusQuery = z.object({ month: monthField, partial: flag });
export const packParams = z.object({ file: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])\.zip$/, "must be YYYY-MM.zip") });
export const packQuery = z.object({ partial: flag });
export const closeBody = z.strictObject({ month: monthField });
