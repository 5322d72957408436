// GET /api/webhook-deliveries/{id} — one webhook delivery with its attempts (owners).
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("webhookDelivery");
