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
