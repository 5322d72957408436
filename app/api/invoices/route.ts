// GET /api/invoices?page&size&sort — one page of invoices.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("invoices");
