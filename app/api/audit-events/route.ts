// GET /api/audit-events?page&size&sort&created_after&created_before — Telnyx's audit log (owners).
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("auditEvents");
