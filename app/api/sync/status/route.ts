// GET /api/sync/status — each ledger stream's last success, rows kept, cursor, upstream calls
// spent today and last error (owners); `meta` adds the database's size.
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { db, engine } from "@/lib/db";
import { databaseSize, syncStatus } from "@/lib/ledger/read";

export const GET = apiRoute({ roles: OWNER_ONLY }, async () => {
  const kysely = await db();
  const [data, size] = await Promise.all([syncStatus(kysely), databaseSize(kysely, engine())]);
  return { data, meta: { database_bytes: size, engine: engine() } };
});
