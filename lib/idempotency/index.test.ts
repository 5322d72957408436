import { createHash } from "node:crypto";
import { expect, it, onTestFinished, vi } from "vitest";
import { describeEachEngine } from "../db/testing";
import { connect, db } from "../db";
import { migrateToLatest } from "../db/migrate";
import { ApiError } from "../api/errors";
import { IDEMPOTENCY_TIMING, runOnce, type ClaimOwner, type IdempotencyDeps } from ".";
import { databaseClaimStore } from "./store";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await describeEachEngine("runOnce", () => {
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
    // Either may have been first (on Postgres under load, the second caller can win the claim).
    expect({ ...b, replayed: false }).toEqual({ ...a, replayed: false });
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
    await claimed("key-2");
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
    const row = await (await db()).selectFrom("idempotency_keys").select("state").where("key", "=", "key-5").executeTakeFirst();
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
    await (await db())
      .insertInto("idempotency_keys")
      .values({
        scope: "payments", user_id: "u1", key: "key-8",
        request_hash: createHash("sha256").update("null").digest("hex"), // a request without input
        state: "pending", owner_instance: "elsewhere", owner_boot: "gone", heartbeat_at: long, created_at: long, updated_at: long,
      })
      .execute();
    const fn = vi.fn(async () => ({ status: 201, body: "again" }));
    expect(await runOnce("payments", "key-8", "u1", fn)).toMatchObject({ status: 504, outcome: "unknown", replayed: true });
    expect(fn).not.toHaveBeenCalled();
  });

  it("a missing key is a 422", async () => {
    await expect(runOnce("payments", "", "u1", async () => ({ status: 200, body: null }))).rejects.toMatchObject({ status: 422 });
  });

  it("upgrades a first-version table in place, keeping its outcomes", async () => {
    const conn = connect({ engine: "sqlite", path: ":memory:" });
    conn.sqlite!.exec(`CREATE TABLE idempotency_keys (scope TEXT NOT NULL, user_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'success', 'failure', 'unknown')), status INTEGER, body TEXT,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (scope, user_id, key));
      INSERT INTO idempotency_keys VALUES ('payment.create', 'u1', 'k', 'h', 'success', 200, '{"data":1}', 1, 2);`);
    await migrateToLatest(conn.db, "sqlite");
    await migrateToLatest(conn.db, "sqlite"); // idempotent
    expect(conn.sqlite!.prepare("SELECT state, status, body, owner_boot, heartbeat_at FROM idempotency_keys").all()).toEqual([
      { state: "success", status: 200, body: '{"data":1}', owner_boot: "", heartbeat_at: 2 },
    ]);
    conn.sqlite!.prepare("UPDATE idempotency_keys SET state = 'released'").run(); // the new state is allowed
    await conn.db.destroy();
  });
});

/** Two processes sharing one store, on a clock that only moves when someone sleeps. */
function world() {
  let now = 1_000_000;
  const heartbeats: (() => void)[] = [];
  const store = databaseClaimStore();
  const deps = (owner: ClaimOwner, onSleep: (t: number) => void = () => undefined): IdempotencyDeps => ({
    store,
    owner,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      onSleep(now);
    },
    every: (_ms, fn) => {
      heartbeats.push(fn);
      return () => heartbeats.splice(heartbeats.indexOf(fn), 1);
    },
  });
  // The process is gone: what it had in flight is forgotten. Its claim is committed before its
  // in-flight entry is set (a later turn of the event loop), so wait for that entry first, else
  // it would be set after the clearing and a "restarted" caller would wait on it for ever.
  const forgetInflight = async () => {
    const inflight = (globalThis as unknown as { __idempotencyInflight: Map<string, unknown> }).__idempotencyInflight;
    for (let i = 0; inflight.size === 0; i++) {
      if (i >= 2_000) throw new Error("nothing in flight after 10 s");
      await sleep(5);
    }
    inflight.clear();
  };
  return { deps, heartbeats, forgetInflight, elapsed: () => now - 1_000_000 };
}

/** Until the claim of `key` is in the database. */
async function claimed(key: string, userId = "u1", scope = "payments"): Promise<void> {
  const store = databaseClaimStore();
  for (let i = 0; !(await store.get({ scope, userId, key })); i++) {
    if (i >= 2_000) throw new Error(`no claim of ${key} after 10 s`);
    await sleep(5);
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

await describeEachEngine("who holds a claim (a crash mid-payment)", () => {
  const A = { instance: "host-a:3000", boot: "boot-1" };

  it("a claim from an earlier boot of this instance is unknown at once, and never run again", async () => {
    const w = world();
    void runOnce("payments", "crash-1", "u1", () => new Promise(() => undefined), { amount: "5.00" }, w.deps(A)); // dies mid-call
    await claimed("crash-1"); // the first request got its claim in
    await w.forgetInflight(); // the process is gone
    const fn = vi.fn(async () => ({ status: 200, body: "charged again" }));
    const restarted = w.deps({ instance: A.instance, boot: "boot-2" });
    const result = await runOnce("payments", "crash-1", "u1", fn, { amount: "5.00" }, restarted);
    expect(result).toMatchObject({ status: 504, outcome: "unknown", replayed: true });
    expect(fn).not.toHaveBeenCalled();
    expect(w.elapsed()).toBe(0); // no waiting at all
    expect(await runOnce("payments", "crash-1", "u1", fn, { amount: "5.00" }, restarted)).toMatchObject({ outcome: "unknown" });
    expect(fn).not.toHaveBeenCalled();
  });

  it("a claim with no heartbeat for 15 s is unknown; one whose owner keeps beating is waited for", async () => {
    // Fake time moves by one poll per real query: coarser polls keep this test's queries few
    // (about 220 instead of 1,100), so a loaded machine finishes it in seconds.
    const pollMs = IDEMPOTENCY_TIMING.pollMs;
    IDEMPOTENCY_TIMING.pollMs = 250;
    onTestFinished(() => void (IDEMPOTENCY_TIMING.pollMs = pollMs));
    const w = world();
    const B = { instance: "host-b:3000", boot: "boot-9" };
    // Silent owner (another instance that died): B gives up on it after 15 s, not 90 s.
    void runOnce("payments", "crash-2", "u1", () => new Promise(() => undefined), undefined, w.deps(A));
    await claimed("crash-2"); // the first request got its claim in
    await w.forgetInflight();
    w.heartbeats.length = 0; // its timer died with it
    const fn = vi.fn(async () => ({ status: 200, body: "twice" }));
    expect(await runOnce("payments", "crash-2", "u1", fn, undefined, w.deps(B))).toMatchObject({ status: 504, outcome: "unknown" });
    expect(fn).not.toHaveBeenCalled();
    expect(w.elapsed()).toBeGreaterThan(15_000);
    expect(w.elapsed()).toBeLessThanOrEqual(15_000 + 2 * IDEMPOTENCY_TIMING.pollMs);

    // A live owner beating every 5 s is waited for past 15 s, and its outcome is B's answer.
    const upstream = deferred<{ status: number; body: unknown }>();
    const first = runOnce("payments", "live-1", "u1", () => upstream.promise, undefined, w.deps(A));
    await claimed("live-1"); // the first request got its claim in
    await w.forgetInflight();
    const start = w.elapsed();
    let lastBeat = start;
    const waiter = runOnce("payments", "live-1", "u1", fn, undefined, w.deps(B, (t) => {
      if (t - 1_000_000 - lastBeat >= 5_000) {
        lastBeat = t - 1_000_000;
        w.heartbeats.forEach((beat) => beat());
      }
      if (t - 1_000_000 - start >= 40_000) upstream.resolve({ status: 200, body: { data: "tx-1" } });
    }));
    expect(await waiter).toMatchObject({ status: 200, body: { data: "tx-1" }, outcome: "success", replayed: true });
    expect((await first).replayed).toBe(false);
    expect(fn).not.toHaveBeenCalled();
  }, 90_000);
});

await describeEachEngine("a refusal releases the key (nothing was charged)", () => {
  const limited = () =>
    new ApiError("rate_limited", "Telnyx's rate limit was reached. Try again in 2 s.", { headers: { "retry-after": "2" }, notApplied: true });

  it("a 429 is answered with its Retry-After, to the first request and to those waiting on it; the same key then succeeds", async () => {
    const gate = deferred<void>();
    let calls = 0;
    const fn = vi.fn(async () => {
      calls++;
      if (calls === 1) {
        await gate.promise;
        throw limited();
      }
      return { status: 200, body: { data: "tx-ok" } };
    });
    const first = runOnce("payments", "rl-1", "u1", fn, { amount: "5.00" });
    const sameProcess = runOnce("payments", "rl-1", "u1", fn, { amount: "5.00" });
    await claimed("rl-1"); // the first request got its claim in
    // And one from another process, polling the stored claim.
    const map = (globalThis as unknown as { __idempotencyInflight: Map<string, Promise<unknown>> }).__idempotencyInflight;
    const saved = [...map.entries()];
    map.clear();
    const otherProcess = runOnce("payments", "rl-1", "u1", fn, { amount: "5.00" });
    await sleep(5);
    for (const [k, v] of saved) map.set(k, v);
    gate.resolve();
    for (const result of await Promise.all([first, sameProcess, otherProcess])) {
      expect(result).toMatchObject({ status: 429, outcome: "released", headers: { "retry-after": "2" } });
      expect(result.body).toEqual(limited().toBody());
    }
    expect(fn).toHaveBeenCalledTimes(1);
    const retried = await runOnce("payments", "rl-1", "u1", fn, { amount: "5.00" });
    expect(retried).toMatchObject({ status: 200, outcome: "success", replayed: false, body: { data: "tx-ok" } });
    expect(fn).toHaveBeenCalledTimes(2);
    expect(await runOnce("payments", "rl-1", "u1", fn, { amount: "5.00" })).toMatchObject({ status: 200, replayed: true });
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("an error that does not prove a refusal is still stored", async () => {
    const fn = vi.fn(async () => {
      throw new ApiError("invalid_input", "Telnyx says conflict"); // e.g. a 409: not proof of nothing
    });
    await runOnce("payments", "rl-2", "u1", fn);
    expect(await runOnce("payments", "rl-2", "u1", fn)).toMatchObject({ status: 422, outcome: "failure", replayed: true });
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
