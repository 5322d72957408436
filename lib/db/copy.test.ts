import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { listActions, recordAction } from "../action-log";
import { addUser, listUsers, passwordMatches, setUserDisabled } from "../auth/users";
import { runOnce } from "../idempotency";
import { closeDb, connect, databaseTarget } from ".";
import { COPIES, copyDatabase, LEFT_BEHIND } from "./copy";
import { migrateToLatest } from "./migrate";
import { createTestPostgresDatabase, testServices, useTempDatabase } from "./testing";

const sqliteFile = useTempDatabase();
const services = await testServices();

it.skipIf(!services.postgres.ok)("copies users with their passwords, the action log and idempotency records from SQLite to Postgres", async () => {
  await addUser({ email: "boss@example.com", role: "owner", password: "boss password 123" });
  await addUser({ email: "fin@example.com", role: "finance", password: "finance password 1" });
  await setUserDisabled("fin@example.com", true);
  await recordAction({ user: { id: "u1", email: "boss@example.com" }, action: "payment.create", params: { amount: "12.30" }, outcome: "success" });
  await runOnce("payment.create", "key-1", "u1", async () => ({ status: 200, body: { data: { amount: "12.30" } } }), { amount: "12.30" });
  const before = await listActions({ limit: 100, offset: 0 });
  await closeDb();

  const { url, drop } = await createTestPostgresDatabase();
  try {
    const from = connect(databaseTarget(sqliteFile));
    const to = connect(databaseTarget(url));
    const counts = await copyDatabase(from, to);
    expect(counts).toMatchObject({ user: 2, account: 2, action_log: before.total, idempotency_keys: 1 });
    // A second copy into a database that has users is refused.
    await expect(copyDatabase(from, to)).rejects.toThrow(/already has users/);
    await Promise.all([from.db.destroy(), to.db.destroy()]);

    process.env.DATABASE_URL = url;
    process.env.SESSION_SECRET ||= "test-session-secret-0123456789abcdef0123456789";
    expect(await passwordMatches("boss@example.com", "boss password 123")).toBe(true);
    expect((await listUsers()).map((u) => [u.email, u.role, u.disabled])).toEqual([
      ["boss@example.com", "owner", false],
      ["fin@example.com", "finance", true],
    ]);
    const after = await listActions({ limit: 100, offset: 0 });
    expect(after.items.slice(0, before.total)).toEqual(before.items);
    // New rows continue after the copied ids.
    await recordAction({ user: null, action: "after.copy", params: {}, outcome: "success" });
    expect((await listActions({ limit: 1, offset: 0 })).items[0]).toMatchObject({ action: "after.copy", id: before.items[0]!.id + 1 });
    const replay = await runOnce("payment.create", "key-1", "u1", async () => ({ status: 500, body: "must not run" }), { amount: "12.30" });
    expect(replay).toMatchObject({ replayed: true, body: { data: { amount: "12.30" } } });
  } finally {
    await closeDb();
    process.env.DATABASE_URL = sqliteFile;
    await drop();
  }
});

it("names every table: copied by db:copy, or left behind with a reason", async () => {
  const conn = connect(databaseTarget(sqliteFile));
  try {
    await migrateToLatest(conn.db, conn.engine);
    const tables = (await conn.db.introspection.getTables({ withInternalKyselyTables: true } as never)).map((t) => t.name).sort();
    const copied = COPIES.map((c) => c.table);
    const left = Object.keys(LEFT_BEHIND);
    expect(copied.filter((t) => left.includes(t))).toEqual([]);
    // A new table must be added to one list or the other, so a move to Postgres never drops it unseen.
    expect(tables.filter((t) => !copied.includes(t) && !left.includes(t))).toEqual([]);
    expect([...copied, ...left].filter((t) => !tables.includes(t))).toEqual([]);
  } finally {
    await conn.db.destroy();
  }
});

// One row per table beyond users and the action log, as the app writes them (money with many
// decimals, epoch milliseconds past 2^31, booleans, files as bytes, leases held).
const T = 1_764_000_000_123;
const pdf = Buffer.from("%PDF-1.7 \u0000\u00ff archived bytes");
const ROWS: Record<string, Record<string, unknown>[]> = {
  approval_policy: [{ id: 1, payments_above: "250.00", auto_recharge: 1, updated_at: T, updated_by: "boss@example.com" }],
  approval: [
    { id: "ap-1", kind: "payment", status: "succeeded", request: '{"amount":"900.00"}', seen: null, idempotency_key: "k-9", requested_by: "u2", requested_email: "fin@example.com", requested_at: T, expires_at: T + 86_400_000, decided_by: "u1", decided_email: "boss@example.com", decided_at: T + 1000, reason: null, result: '{"status":200}', finished_at: T + 2000 },
    { id: "ap-2", kind: "payment", status: "pending", request: '{"amount":"1200.10"}', seen: null, idempotency_key: "k-10", requested_by: "u2", requested_email: "fin@example.com", requested_at: T, expires_at: T + 86_400_000, decided_by: null, decided_email: null, decided_at: null, reason: null, result: null, finished_at: null },
  ],
  alert_rule: [{ id: "r-1", name: "Budget", kind: "budget", params: '{"amount":"5000.00"}', channels: '[{"type":"email","to":"fin@example.com"}]', renotify_hours: 24, muted_until: null, builtin: 0, state: "firing", level: 2, version: 7, episode_started_at: T, last_notified_at: T, last_evaluated_at: T, created_at: T }],
  alert_event: [{ id: "e-1", rule_id: "r-1", type: "fired", at: T, figures: '{"spent":"4100.5"}', rule_version: 7 }],
  outbox: [{ id: "m-1", topic: "alert", ref: "e-1", channel: '{"type":"email"}', channel_label: "fin@example.com", message: "{}", status: "pending", attempts: 1, next_attempt_at: T, lease_holder: "instance-a", lease_expires_at: T + 30_000, last_error: "timeout", created_at: T, sent_at: null }],
  outbox_attempt: [{ id: 41, outbox_id: "m-1", at: T, ok: 0, error: "timeout" }],
  month_close: [{ month: "2026-10", closed_at: T, closed_by: "boss@example.com", status: "ok", manifest: "{}", figures: '{"total":"1234.5678901234"}' }],
  month_close_file: [{ month: "2026-10", name: "invoice.pdf", bytes: pdf, sha256: "abc", size: pdf.length, rows: null }],
  month_close_change: [{ id: 3, month: "2026-10", detected_at: T, item: "charges.csv", closed_value: "a", current_value: "b" }],
  ledger_stream: [{ stream: "balance", cursor: '{"at":1}', last_run_at: T, last_success_at: T, last_error: null, last_error_at: null, paused_until: null, requested_at: null, lease_holder: "instance-a", lease_expires_at: T + 60_000 }],
  ledger_balance: [{ at: T, balance: "-12.3400", available_credit: "87.66", pending: "0.0000000001", credit_limit: "100.00", currency: "USD" }],
  ledger_charges_month: [{ month: "2026-10", currency: "USD", grand_total: "1234.5678", summary: "{}", breakdown: null, frozen: 1, fetched_at: T }],
  ledger_invoice: [{ id: "inv-1", file_id: "f-1", period_start: "2026-10-01", period_end: "2026-10-31", paid: 1, seen_at: T }],
  ledger_invoice_pdf: [{ invoice_id: "inv-1", bytes: pdf, sha256: "def", size: pdf.length, archived_at: T }],
  ledger_audit_event: [{ id: "ae-1", created_at: T, record_type: "x", resource_id: "y", change_type: "z", body: "{}", search_text: "x y z" }],
  ledger_webhook_delivery: [{ id: "wd-1", started_at: T, finished_at: null, status: "failed", event_type: "call.initiated", url: "https://example.com", attempt_count: 2, body: "{}", search_text: "failed" }],
  ledger_usage_type: [{ day: "2026-10-02", record_type: "messaging", currency: "USD", count: 3, cost: "0.0040" }],
  ledger_usage_tag: [{ day: "2026-10-02", record_type: "messaging", tag: "", currency: "USD", count: 3, cost: "0.0040" }],
};

// Postgres answers bigint as a string, booleans as booleans and bytea as a Buffer; SQLite as numbers and a Buffer.
const plain = (v: unknown): unknown =>
  Buffer.isBuffer(v) ? `bytes:${v.toString("hex")}` : typeof v === "boolean" ? Number(v) : typeof v === "string" && /^-?\d{10,}$/.test(v) ? Number(v) : v;
const readAll = async (db: Kysely<any>, table: string, orderBy: string[]) => {
  let q = db.selectFrom(table).selectAll();
  for (const c of orderBy) q = q.orderBy(c);
  return ((await q.execute()) as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
};

it.skipIf(!services.postgres.ok)("copies approvals, alerts, closed months with their files and the ledger as they were, leases cleared", async () => {
  await addUser({ email: "second@example.com", role: "owner", password: "second password 1" });
  await closeDb();
  const from = connect(databaseTarget(sqliteFile));
  const src = from.db as Kysely<any>;
  for (const copy of COPIES) for (const row of ROWS[copy.table] ?? []) await src.insertInto(copy.table).values(row).execute();
  const { url, drop } = await createTestPostgresDatabase();
  const to = connect(databaseTarget(url));
  const dst = to.db as Kysely<any>;
  try {
    const counts = await copyDatabase(from, to);
    for (const copy of COPIES.filter((c) => ROWS[c.table])) {
      expect(counts[copy.table], copy.table).toBe(ROWS[copy.table]!.length);
      const cleared = (row: Record<string, unknown>) => ({ ...row, ...Object.fromEntries((copy.cleared ?? []).map((c) => [c, null])) });
      expect(await readAll(dst, copy.table, copy.orderBy), copy.table).toEqual((await readAll(src, copy.table, copy.orderBy)).map(cleared));
    }
    // The pending approval can still be decided there; the leases of the stopped install are gone.
    expect((await dst.selectFrom("approval").select("status").where("id", "=", "ap-2").executeTakeFirstOrThrow()).status).toBe("pending");
    for (const table of ["ledger_stream", "outbox"])
      expect(await dst.selectFrom(table).select(["lease_holder", "lease_expires_at"]).executeTakeFirstOrThrow(), table).toEqual({ lease_holder: null, lease_expires_at: null });
    // Autoincrement ids continue after the copied ones.
    const next = await dst.insertInto("month_close_change").values({ month: "2026-10", detected_at: T, item: "later", closed_value: "a", current_value: "c" }).returning("id").executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(4);
    const attempt = await dst.insertInto("outbox_attempt").values({ outbox_id: "m-1", at: T, ok: 1, error: null }).returning("id").executeTakeFirstOrThrow();
    expect(Number(attempt.id)).toBe(42);
  } finally {
    await Promise.all([from.db.destroy(), to.db.destroy()]);
    await drop();
  }
});
