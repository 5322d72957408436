// GET /api/invoices/{id} — one invoice.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("invoice");
