// Copies an install's lasting data from one database to another (typically the demo setup's
// SQLite file to Postgres): users with their password hashes (better-auth's `user` and `account`),
// the action log, finished idempotency records, API tokens (hashes), the approval policy and every
// approval request, alert rules with their events and messages, closed months with their packs and
// post-close changes, and the ledger (history kept beyond Telnyx's retention, archived invoice PDFs,
// each stream's cursor, so the sync resumes where it was). LEFT_BEHIND names what is not copied and
// why (sessions, throttles, in-flight claims: everyone signs in again). The destination is migrated
// first and must hold no users yet, so a copy never mixes two installs. Values are converted per
// engine (booleans, better-auth's dates); leases are cleared, as the copying install is stopped.
import { sql, type Kysely } from "kysely";
import type { Connection, Engine } from ".";
import { migrateToLatest } from "./migrate";

type Kind = "bool" | "date";
interface TableCopy {
  table: string;
  /** Columns converted between engines; every other column is copied as it is. */
  kinds?: Record<string, Kind>;
  /** Columns set to null in the copy (leases of the install being left). */
  cleared?: string[];
  where?: string;
  /** A unique order, for reading in batches. */
  orderBy: string[];
  /** Rows per batch (fewer for rows holding files). */
  batch?: number;
  /** An autoincrement id: the destination's counter continues after the copied ids. */
  serial?: boolean;
}

const date = "date" as const;
const bool = "bool" as const;
export const COPIES: TableCopy[] = [
  { table: "user", orderBy: ["id"], kinds: { emailVerified: bool, createdAt: date, updatedAt: date, disabled: bool } },
  { table: "account", orderBy: ["id"], kinds: { accessTokenExpiresAt: date, refreshTokenExpiresAt: date, createdAt: date, updatedAt: date } },
  { table: "action_log", orderBy: ["id"], kinds: { at: date }, serial: true },
  { table: "idempotency_keys", orderBy: ["scope", "user_id", "key"], where: "state NOT IN ('pending', 'released')" },
  // API tokens (hashes only) and the two-person rule with its history: scripts and approvals keep working.
  { table: "api_token", orderBy: ["id"] },
  { table: "approval_policy", orderBy: ["id"] },
  { table: "approval", orderBy: ["id"] },
  // Alerts: rules (budgets, channels), what they fired, and the messages sent or still due.
  { table: "alert_rule", orderBy: ["id"] },
  { table: "alert_event", orderBy: ["id"] },
  { table: "outbox", orderBy: ["id"], cleared: ["lease_holder", "lease_expires_at"] },
  { table: "outbox_attempt", orderBy: ["id"], serial: true },
  // Month close: closed months, their packs' files as closed, and later differences.
  { table: "month_close", orderBy: ["month"] },
  { table: "month_close_file", orderBy: ["month", "name"], batch: 10 },
  { table: "month_close_change", orderBy: ["id"], serial: true },
  // The ledger, with each stream's cursor: the next sync continues instead of starting over.
  { table: "ledger_stream", orderBy: ["stream"], cleared: ["lease_holder", "lease_expires_at"] },
  { table: "ledger_balance", orderBy: ["at"] },
  { table: "ledger_charges_month", orderBy: ["month"], kinds: { frozen: bool } },
  { table: "ledger_invoice", orderBy: ["id"], kinds: { paid: bool } },
  { table: "ledger_invoice_pdf", orderBy: ["invoice_id"], batch: 10 },
  { table: "ledger_audit_event", orderBy: ["id"] },
  { table: "ledger_webhook_delivery", orderBy: ["id"] },
  { table: "ledger_usage_type", orderBy: ["day", "record_type", "currency"] },
  { table: "ledger_usage_tag", orderBy: ["day", "record_type", "tag", "currency"] },
];

/** The tables db:copy leaves behind, and why (a test checks every table is in one list or the other). */
export const LEFT_BEHIND: Record<string, string> = {
  session: "everyone signs in again",
  verification: "better-auth's short-lived verification values",
  login_attempts: "the login throttle's recent attempts",
  api_token_rate: "the API tokens' current rate windows",
  ledger_call: "the sync's rolling call budget (minutes to two days)",
  app_secret: "the SQLite install's own session secret (Postgres takes SESSION_SECRET)",
  kysely_migration: "written by the destination's own migration",
  kysely_migration_lock: "written by the destination's own migration",
};

function convert(value: unknown, kind: Kind | undefined, to: Engine): unknown {
  if (value === null || value === undefined || kind === undefined) return value ?? null;
  if (kind === "bool") {
    const b = value === true || value === 1 || value === "1" || value === "true";
    return to === "postgres" ? b : Number(b);
  }
  const d = value instanceof Date ? value : new Date(typeof value === "number" ? value : String(value));
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(value)}`);
  return to === "postgres" ? d : d.toISOString();
}

const BATCH = 500;

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
      const batch = copy.batch ?? BATCH;
      let offset = 0;
      for (;;) {
        let q = src.selectFrom(copy.table).selectAll().limit(batch).offset(offset);
        for (const column of copy.orderBy) q = q.orderBy(column);
        if (copy.where) q = q.where(sql.raw(copy.where) as never);
        const rows = (await q.execute()) as Record<string, unknown>[];
        if (rows.length === 0) break;
        const values = rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([n, v]) => [n, copy.cleared?.includes(n) ? null : convert(v, copy.kinds?.[n], to.engine)])),
        );
        await trx.insertInto(copy.table).values(values).execute();
        offset += rows.length;
      }
      counts[copy.table] = offset;
      say(`${copy.table}: ${offset} rows`);
      // Ids were copied as they were: the destination's own counter continues after them.
      if (copy.serial && to.engine === "postgres")
        await sql`select setval(pg_get_serial_sequence(${copy.table}, 'id'), coalesce((select max(id) from ${sql.table(copy.table)}), 0) + 1, false)`.execute(trx);
    }
  });
  return counts;
}
