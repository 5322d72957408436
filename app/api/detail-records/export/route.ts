// GET /api/detail-records/export?record_type=<type>|all&(date_range|month=YYYY-MM)[&tags] — every
// matching usage record as CSV, streamed page by page as the browser reads; `all` walks every
// record type into one file with a record_type column. Always a header row.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { usageExportQuery } from "@/lib/telnyx/schemas/detail-records";
import { EXPECTED_ROWS_HEADER } from "@/lib/usage/csv";
import { startUsageExport } from "@/lib/usage/export";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ALL_ROLES, query: usageExportQuery }, async ({ req, query }) => {
  const exp = await startUsageExport({ query, signal: req.signal });
  return new Response(exp.stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exp.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      [EXPECTED_ROWS_HEADER]: String(exp.expectedRows),
    },
  });
});
