import { z } from "zod";
import { decimalString } from "@/lib/telnyx/schemas/money";
import { isoDateTime, listResponse, optionalText, pageNumber, pageSize } from "./common";

import { DATE_RANGES, DETAIL_RECORD_PAGE_CAP, DETAIL_RECORD_TYPES, LAST_N_DAYS, type DetailRecordType } from "@/lib/telnyx/contract";

export { DATE_RANGES, DETAIL_RECORD_PAGE_CAP, DETAIL_RECORD_TYPES, type DetailRecordType };

export const DETAIL_RECORD_SORTS = ["-created_at", "created_at"] as const;

/** One of the contract's named ranges, or the dynamic `last_N_days`. */
export const dateRange = z.union(
  [z.enum(DATE_RANGES), z.string().regex(LAST_N_DAYS, "last_N_days needs N from 1 to 999")],
  { error: `must be one of ${DATE_RANGES.join(", ")} or last_N_days` },
);

// Records differ by type; the fields the dashboard computes with are checked, the rest passes through.
export const detailRecord = z.looseObject({
  record_type: z.string(),
  cost: decimalString.optional(),
  rate: decimalString.optional(),
  currency: z.string().optional(),
});
export type DetailRecord = z.infer<typeof detailRecord>;
export const detailRecordListResponse = listResponse(detailRecord);

export const detailRecordQuery = z.object({
  record_type: z.enum(DETAIL_RECORD_TYPES, { error: "is required: choose a record type" }),
  date_range: dateRange.default("last_month"),
  // Sortable fields differ by record type; the time field is the one every type has (Telnyx reads
  // created_at as each type's own time field), and the only order the dashboard offers.
  sort: z.enum(DETAIL_RECORD_SORTS, { error: `must be one of ${DETAIL_RECORD_SORTS.join(", ")}` }).default("-created_at"),
  tags: optionalText(100),
});
export const detailRecordListQuery = detailRecordQuery
  .extend({
    page: pageNumber,
    size: pageSize(DETAIL_RECORD_PAGE_CAP),
    // The contract's filter[created_at][gte|lt] (its examples): exact day windows for the ledger.
    created_at_gte: isoDateTime.optional(),
    created_at_lt: isoDateTime.optional(),
  })
  .refine((q) => !q.created_at_gte || !q.created_at_lt || Date.parse(q.created_at_gte) < Date.parse(q.created_at_lt), {
    path: ["created_at_lt"],
    message: "must be after created_at_gte",
  });
export type DetailRecordQuery = z.infer<typeof detailRecordQuery>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The usage export's query: one record type or `all` of them (the dashboard walks each type, as
 * Telnyx needs one per request), and either a named date range or a whole UTC calendar month.
 */
export const usageExportQuery = detailRecordQuery
  .extend({
    record_type: z.enum(["all", ...DETAIL_RECORD_TYPES], { error: "is required: choose a record type, or all" }),
    month: z.string().regex(MONTH, "must be a month such as 2025-05").optional(),
  })
  .transform((q): UsageExportQuery => {
    if (!q.month) return q;
    const [y, m] = q.month.split("-").map(Number) as [number, number];
    return {
      ...q,
      created_at_gte: new Date(Date.UTC(y, m - 1, 1)).toISOString(),
      created_at_lt: new Date(Date.UTC(y, m, 1)).toISOString(),
    };
  });
export type UsageExportQuery = Omit<DetailRecordQuery, "record_type"> & {
  record_type: DetailRecordType | "all";
  month?: string;
  created_at_gte?: string;
  created_at_lt?: string;
};
