// GET /api/alerts/events?rule_id&limit — fired and resolved events, newest first, with their deliveries.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { eventsQuery } from "@/lib/alerts/schemas";
import { listEvents } from "@/lib/alerts/store";
import { db } from "@/lib/db";

export const GET = apiRoute({ roles: ALL_ROLES, query: eventsQuery }, async ({ query }) => ({ data: await listEvents(await db(), query) }));
