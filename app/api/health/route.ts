// GET /api/health — liveness for load balancers and scripts; no session, nothing secret.
import { apiRoute } from "@/lib/api/handler";
import { isDemoMode } from "@/lib/env";

export const GET = apiRoute({ roles: "public" }, async () => ({ data: { status: "ok", demo: isDemoMode() } }));
