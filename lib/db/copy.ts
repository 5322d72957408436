// Copies an install's lasting data from one database to another (typically the demo setup's
// SQLite file to Postgres): users with their password hashes (better-auth's `user` and `account`),
// the action log, finished idempotency records, API tokens (hashes) and the approval policy.
// Sessions, login throttling, pending claims and approval requests are left behind (everyone
// signs in again). The destination is migrated first and must hold no
// users yet, so a copy never mixes two installs. Values are converted per engine (booleans,
// better-auth's dates, instants).
import { sql, type Kysely } from "kysely";
import type { Connection, Engine } from ".";
import { migrateToLatest } from "./migrate";

type Kind = "bool" | "date" | "plain";
interface TableCopy {
  table: string;
  columns: Record<string, Kind>;
  where?: string;
  orderBy: string;
}

const date = "date" as const;
const COPIES: TableCopy[] = [
  {
    table: "user",
    orderBy: "id",
    columns: { id: "plain", name: "plain", email: "plain", emailVerified: "bool", image: "plain", createdAt: date, updatedAt: date, role: "plain", disabled: "bool" },
  },
  {
    table: "account",
    orderBy: "id",
    columns: {
      id: "plain", accountId: "plain", providerId: "plain", userId: "plain", accessToken: "plain", refreshToken: "plain", idToken: "plain",
      accessTokenExpiresAt: date, refreshTokenExpiresAt: date, scope: "plain", password: "plain", createdAt: date, updatedAt: date,
    },
  },
  {
    table: "action_log",
    orderBy: "id",
    columns: { id: "plain", at: date, user_id: "plain", user_email: "plain", action: "plain", params: "plain", outcome: "plain", error: "plain" },
  },
  {
    table: "idempotency_keys",
    orderBy: "created_at",
    where: "state NOT IN ('pending', 'released')",
    columns: {
      scope: "plain", user_id: "plain", key: "plain", request_hash: "plain", state: "plain", status: "plain", body: "plain", headers: "plain",
      owner_instance: "plain", owner_boot: "plain", heartbeat_at: "plain", created_at: "plain", updated_at: "plain",
    },
  },
  // API tokens (hashes only) and the approval policy: scripts and the two-person rule keep working.
  {
    table: "api_token",
    orderBy: "created_at",
    columns: {
      id: "plain", name: "plain", prefix: "plain", hash: "plain", user_id: "plain", user_email: "plain", role: "plain", scope: "plain",
      created_at: "plain", expires_at: "plain", revoked_at: "plain", revoked_by: "plain", last_used_at: "plain", last_address: "plain",
    },
  },
  {
    table: "approval_policy",
    orderBy: "id",
    columns: { id: "plain", payments_above: "plain", auto_recharge: "plain", updated_at: "plain", updated_by: "plain" },
  },
];

function convert(value: unknown, kind: Kind, to: Engine): unknown {
  if (value === null || value === undefined || kind === "plain") return value ?? null;
  if (kind === "bool") {
    const b = value === true || value === 1 || value === "1" || value === "true";
    return to === "postgres" ? b : Number(b);
  }
  const d = value instanceof Date ? value : new Date(typeof value === "number" ? value : String(value));
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(value)}`);
  return to === "postgres" ? d : d.toISOString();
}

const BATCH = 200;

/** Returns the number of rows copied per table. */
export async function copyDatabase(from: Connection, to: Connection, say: (line: string) => void = () => {}): Promise<Record<string, number>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const src = from.db as Kysely<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const dst = to.db as Kysely<any>;
  await migrateToLatest(dst, to.engine);
  const existing = await dst.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0)
    throw new Error("The destination already has users: db:copy fills a new, empty database (run it before anyone signs in there).");

  const counts: Record<string, number> = {};
  await dst.transaction().execute(async (trx) => {
    for (const copy of COPIES) {
      const names = Object.keys(copy.columns);
      let offset = 0;
      for (;;) {
        let q = src.selectFrom(copy.table).select(names).orderBy(copy.orderBy).limit(BATCH).offset(offset);
        if (copy.where) q = q.where(sql.raw(copy.where) as never);
        const rows = (await q.execute()) as Record<string, unknown>[];
        if (rows.length === 0) break;
        const values = rows.map((row) => Object.fromEntries(names.map((n) => [n, convert(row[n], copy.columns[n]!, to.engine)])));
        await trx.insertInto(copy.table).values(values).execute();
        offset += rows.length;
      }
      counts[copy.table] = offset;
      say(`${copy.table}: ${offset} rows`);
    }
    // Ids were copied as they were: the destination's own counter continues after them.
    if (to.engine === "postgres")
      await sql`select setval(pg_get_serial_sequence('action_log', 'id'), coalesce((select max(id) from action_log), 0) + 1, false)`.execute(trx);
  });
  return counts;
}
