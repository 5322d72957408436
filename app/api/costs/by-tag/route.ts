// GET /api/costs/by-tag?from&to — usage cost per user tag over UTC days [from, to), and per tag per
// day, from the ledger's rollups; untagged records as their own row (tag null). A record with several
// tags counts under each, so the tags' totals may exceed the grand total (meta says both).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { costByTag } from "@/lib/close/cost-by-tag";
import { db } from "@/lib/db";
import { dayRange } from "@/lib/ledger/schemas";

export const GET = apiRoute({ roles: ALL_ROLES, query: dayRange }, async ({ query }) => costByTag(await db(), query.from, query.to));
