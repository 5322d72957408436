import "server-only";
// GET /api/ledger/{audit-events|webhook-deliveries}?q&from&to&page&size — search over the
// dashboard's kept copy (owners), newest first, in the list shape with meta.last_sync_at.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { searchKept } from "./read";
import { ledgerSearchQuery } from "./schemas";

export function ledgerSearchRoute(stream: "audit_events" | "webhook_deliveries") {
  return apiRoute({ roles: OWNER_ONLY, query: ledgerSearchQuery }, async ({ query: q }) => {
    const { data, total, last_sync_at } = await searchKept(await db(), stream, { ...q, limit: q.size, offset: (q.page - 1) * q.size });
    return {
      data,
      meta: { page_number: q.page, page_size: q.size, total_pages: Math.max(1, Math.ceil(total / q.size)), total_results: total, source: "ledger", last_sync_at },
    };
  });
}
