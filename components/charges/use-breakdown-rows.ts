"use client";

import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import type { BreakdownSort } from "@/lib/charges/breakdown";
import { BREAKDOWN_FIRST_ROWS, firstScreenFor, preparedFromView, sliceBreakdown, type BreakdownFirstScreen, type BreakdownView } from "@/lib/charges/breakdown-view";
import { breakdownRowsOptions } from "@/lib/query/dashboard-queries";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";

/**
 * The breakdown's rows in the table's search and order. The server sends the first screen of them
 * (already sorted, with the totals) first — streamed with the page (`initial`) when it is for this
 * search and order; then all rows once, after which search and sorting are done here without a
 * request. Until all rows are here, a new search or order asks the server for its first screen.
 * `view.sort` is the order the rows are in (the header shows it, not the one asked for, so the
 * header and the rows change together).
 */
export function useBreakdownRows(
  range: ChargesRange,
  q: string,
  sort: BreakdownSort,
  initial: BreakdownFirstScreen | null = null,
): { query: UseQueryResult<{ data: BreakdownView }>; view: BreakdownView | undefined } {
  // Filtering 10,000 rows, or asking the server to, stays off the typing path.
  const deferredQ = useDeferredValue(q);
  const allOptions = breakdownRowsOptions({ ...range, q: "", sort: "tn" });
  const haveAll = useQueryClient().getQueryData(allOptions.queryKey) !== undefined;
  const firstParams = { start_date: range.start_date, end_date: range.end_date, q: deferredQ, sort, limit: BREAKDOWN_FIRST_ROWS };
  const first = useQuery({
    ...breakdownRowsOptions(firstParams),
    // Used only while the cache holds nothing under this key.
    initialData: firstScreenFor(initial, firstParams),
    placeholderData: keepPreviousData,
    enabled: !haveAll,
  });
  // All rows (2 MB for 10,000 numbers) only once the first screen is shown.
  const all = useQuery({ ...allOptions, enabled: haveAll || first.isSuccess });
  // Switching to the local rows (sorting 10,000 of them) is a transition: a click or keystroke
  // meanwhile is not kept waiting behind it (the server's first screen serves until then).
  const prepared = useDeferredValue(useMemo(() => (all.data ? preparedFromView(all.data.data) : undefined), [all.data]));
  const local = useMemo(() => (prepared ? sliceBreakdown(prepared, { q: deferredQ, sort }) : undefined), [prepared, deferredQ, sort]);
  return local ? { query: all, view: local } : { query: first, view: first.data?.data };
}
