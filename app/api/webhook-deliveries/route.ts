// GET /api/webhook-deliveries?page&size&status&event_type&… — webhook deliveries with their attempts (owners).
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("webhookDeliveries");
