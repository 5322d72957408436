// GET /api/balance — the account balance, credit limit and available credit.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("balance");
