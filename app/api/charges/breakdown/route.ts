// GET /api/charges/breakdown?start_date&end_date — charges per phone number for a range of at most 31 days.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("chargesBreakdown");
