// GET /api/charges/monthly?months=12 — monthly charge totals by kind for the last N months (chart data).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { loadMonthlySeries, monthlySeriesQuery } from "@/lib/charges/monthly-series";

export const GET = apiRoute({ roles: ALL_ROLES, query: monthlySeriesQuery }, ({ query }) => loadMonthlySeries(query.months));
