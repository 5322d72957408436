// GET /api/charges/summary?start_date&end_date — monthly charges summary for a range of at most 31 days.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("chargesSummary");
