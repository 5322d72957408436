import { expect, it } from "vitest";
import { listActions, recordAction } from "../action-log";
import { addUser, listUsers, passwordMatches, setUserDisabled } from "../auth/users";
import { runOnce } from "../idempotency";
import { closeDb, connect, databaseTarget } from ".";
import { copyDatabase } from "./copy";
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
