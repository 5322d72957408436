import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { useTempDatabase } from "../db/testing";
import { getDb } from "../db";
import { ApiError } from "../api/errors";
import { runOnce } from ".";

useTempDatabase();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runOnce", () => {
  it("two concurrent requests with one key: fn runs once, both get the same result", async () => {
    let n = 0;
    const fn = vi.fn(async () => {
      await sleep(50);
      return { status: 201, body: { data: { id: `tx-${++n}` } } };
    });
    const [a, b] = await Promise.all([
      runOnce("payments", "key-1", "u1", fn, { amount: "10.00" }),
      runOnce("payments", "key-1", "u1", fn, { amount: "10.00" }),
    ]);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(a.body).toEqual({ data: { id: "tx-1" } });
    expect({ ...b, replayed: false }).toEqual(a);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    // And later: replayed from the database.
    const c = await runOnce("payments", "key-1", "u1", fn, { amount: "10.00" });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(c).toMatchObject({ status: 201, body: { data: { id: "tx-1" } }, replayed: true, outcome: "success" });
  });

  it("a duplicate from another process waits for the stored outcome (polling the row)", async () => {
    // Simulate another process's claim: a pending row with no in-process promise.
    const fn = vi.fn(async () => ({ status: 201, body: "mine" }));
    const first = runOnce("payments", "key-2", "u1", async () => {
      await sleep(30);
      return { status: 201, body: "theirs" };
    });
    const { __idempotencyInflight: map } = globalThis as unknown as { __idempotencyInflight: Map<string, unknown> };
    map.clear(); // as if the first request ran elsewhere
    const second = await runOnce("payments", "key-2", "u1", fn);
    expect(fn).not.toHaveBeenCalled();
    expect(second).toMatchObject({ body: "theirs", replayed: true });
    expect((await first).body).toBe("theirs");
  });

  it("the same key with a different body is refused with 422", async () => {
    await runOnce("payments", "key-3", "u1", async () => ({ status: 201, body: 1 }), { amount: "10.00" });
    const err = await runOnce("payments", "key-3", "u1", async () => ({ status: 201, body: 2 }), { amount: "99.00" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
  });

  it("keys are per user and per scope", async () => {
    const fn = vi.fn(async () => ({ status: 201, body: "ok" }));
    await runOnce("payments", "key-4", "u1", fn);
    await runOnce("payments", "key-4", "u2", fn);
    await runOnce("other", "key-4", "u1", fn);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it("an unknown outcome (timeout) is stored as unknown and replayed, never retried", async () => {
    const timeout = new ApiError("upstream_timeout", "no answer", {
      items: [{ code: "outcome_unknown", title: "Outcome unknown", detail: "may or may not have happened" }],
    });
    const fn = vi.fn(async () => {
      throw timeout;
    });
    const first = await runOnce("payments", "key-5", "u1", fn);
    const again = await runOnce("payments", "key-5", "u1", fn);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({ status: 504, outcome: "unknown", replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    const row = getDb().prepare("SELECT state FROM idempotency_keys WHERE key = 'key-5'").get();
    expect(row).toEqual({ state: "unknown" });

    // A crash (non-ApiError) is unknown as well.
    const crash = await runOnce("payments", "key-6", "u1", async () => {
      throw new Error("socket hang up");
    });
    expect(crash).toMatchObject({ status: 504, outcome: "unknown" });
  });

  it("a failure is stored and replayed too", async () => {
    const fn = vi.fn(async () => ({ status: 422, body: { errors: [{ code: "invalid" }] } }));
    await runOnce("payments", "key-7", "u1", fn);
    expect(await runOnce("payments", "key-7", "u1", fn)).toMatchObject({ status: 422, outcome: "failure", replayed: true });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("a claim orphaned by a dead process becomes unknown", async () => {
    const long = Date.now() - 11 * 60_000;
    getDb()
      .prepare("INSERT INTO idempotency_keys (scope, user_id, key, request_hash, state, created_at, updated_at) VALUES ('payments', 'u1', 'key-8', ?, 'pending', ?, ?)")
      .run(createHash("sha256").update("null").digest("hex"), long, long); // a request without input
    const fn = vi.fn(async () => ({ status: 201, body: "again" }));
    expect(await runOnce("payments", "key-8", "u1", fn)).toMatchObject({ status: 504, outcome: "unknown", replayed: true });
    expect(fn).not.toHaveBeenCalled();
  });

  it("a missing key is a 422", async () => {
    await expect(runOnce("payments", "", "u1", async () => ({ status: 200, body: null }))).rejects.toMatchObject({ status: 422 });
  });
});
