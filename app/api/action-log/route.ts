// GET /api/action-log?user&action&page&size — the dashboard's own action log (owners), newest
// first, in the Telnyx list shape {data, meta}.
import { z } from "zod";
import { listActions } from "@/lib/action-log";
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { optionalText, pageNumber, pageSize } from "@/lib/telnyx/schemas/common";

const query = z.object({
  user: optionalText(254),
  action: optionalText(64),
  page: pageNumber,
  size: pageSize(100, 25),
});

export const GET = apiRoute({ roles: OWNER_ONLY, query }, async ({ query: q }) => {
  const { items, total } = await listActions({ userEmail: q.user, action: q.action, limit: q.size, offset: (q.page - 1) * q.size });
  return {
    data: items,
    meta: { page_number: q.page, page_size: q.size, total_pages: Math.max(1, Math.ceil(total / q.size)), total_results: total },
  };
});
