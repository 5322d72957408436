// The usage page's URL state, shared by the server page (prefetch) and the client views.
import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { DETAIL_RECORD_PAGE_CAP, DETAIL_RECORD_TYPES, type DetailRecordType } from "@/lib/telnyx/contract";
import { layoutFor } from "@/lib/usage/records";

export const DEFAULT_RANGE = "last_30_days";

export const usageSearchParams = {
  type: parseAsStringLiteral(DETAIL_RECORD_TYPES).withDefault("messaging"),
  range: parseAsString.withDefault(DEFAULT_RANGE),
  tag: parseAsString.withDefault(""),
};


/** Whether Telnyx can filter a record type by user tag (its records carry a `tags` field). */
export function tagFilterApplies(type: DetailRecordType): boolean {
  return layoutFor(type).tagsField === "tags";
}

/** The detail-records query for the URL (without the page), the same object on server and client. */
export function usageQuery(p: { type: DetailRecordType; range: string; tag: string }) {
  return {
    record_type: p.type,
    date_range: p.range,
    size: DETAIL_RECORD_PAGE_CAP,
    ...(p.tag && tagFilterApplies(p.type) ? { tags: p.tag } : {}),
  };
}

export const USAGE_VIEWS = ["records", "daily", "tags"] as const;
export type UsageViewId = (typeof USAGE_VIEWS)[number];
export const usageViewParam = { view: parseAsStringLiteral(USAGE_VIEWS).withDefault("records") };

/** The cost-per-day view's URL state: UTC days (empty = the last 30 days and today), grouping. */
export const costPerDaySearchParams = {
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  group: parseAsStringLiteral(["record_type", "tag"] as const).withDefault("record_type"),
};

/** The cost-by-tag view's URL state: UTC days (empty = the last 30 days and today). */
export const costByTagSearchParams = { from: parseAsString.withDefault(""), to: parseAsString.withDefault("") };

export const loadUsagePageParams = createLoader({ ...usageSearchParams, ...usageViewParam });
