// GET /api/health — liveness for load balancers and scripts: no I/O, no session, nothing secret.
// GET /api/health?ready=1 — readiness: 200 when the database answers ("degraded" while Redis is
// configured but unreachable: the instance then works on its in-process cache), 503 when not.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { pingDatabase } from "@/lib/db";
import { isDemoMode } from "@/lib/env";
import { redisStatus } from "@/lib/shared/redis";

const query = z.object({ ready: z.enum(["1"], { error: 'ready must be "1" or absent' }).optional() });

export const GET = apiRoute({ roles: "public", query }, async ({ query: q }) => {
  if (!q.ready) return { data: { status: "ok", demo: isDemoMode() } };
  const [database, redis] = await Promise.all([pingDatabase().then((ok) => (ok ? "ok" : "down")), redisStatus()]);
  const status = database !== "ok" ? "down" : redis === "down" ? "degraded" : "ok";
  return Response.json(
    { data: { status, database, redis } },
    { status: database === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});
