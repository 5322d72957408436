import { APIConnectionError, NotFoundError, RateLimitError, InternalServerError } from "telnyx";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { RetrySlots, withReadRetries, type RetryPolicy } from "./retry";

const policy: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2000, maxRetryAfterMs: 2000, budgetMs: 5000 };

function rateLimited(retryAfter?: string) {
  const headers = new Headers(retryAfter ? { "retry-after": retryAfter } : {});
  return new RateLimitError(429, { errors: [{ code: "10011", title: "Too many requests" }] }, "429", headers);
}

/** A clock that only moves when the code under test sleeps. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    deps: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), random: () => 0.5 },
  };
}

function failing(errors: unknown[], value = "ok") {
  let calls = 0;
  const run = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return value;
  };
  return { run, calls: () => calls };
}

describe("withReadRetries", () => {
  it("honours Retry-After, then succeeds", async () => {
    const t = fakeTime();
    const f = failing([rateLimited("1"), rateLimited("1")]);
    await expect(withReadRetries(f.run, policy, t.deps)).resolves.toBe("ok");
    expect(f.calls()).toBe(3);
    expect(t.sleeps).toEqual([1000, 1000]);
  });

  it("backs off exponentially with jitter when no Retry-After is given", async () => {
    const t = fakeTime();
    const f = failing([new InternalServerError(500, undefined, "500", new Headers()), new APIConnectionError({ message: "reset" })]);
    await expect(withReadRetries(f.run, policy, t.deps)).resolves.toBe("ok");
    // equal jitter with random()=0.5: 3/4 of 250·2ⁿ
    expect(t.sleeps).toEqual([188, 375]);
  });

  it("answers at once with 429 and the wait when Retry-After exceeds the bound", async () => {
    const t = fakeTime();
    const f = failing([rateLimited("90")]);
    const error = await withReadRetries(f.run, policy, t.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).headers["retry-after"]).toBe("60"); // capped: see the hold below
    expect(f.calls()).toBe(1);
    expect(t.sleeps).toEqual([]);
  });

  it("stops after the attempt limit and rethrows the last error", async () => {
    const t = fakeTime();
    const f = failing([rateLimited("1"), rateLimited("1"), rateLimited("1"), rateLimited("1")]);
    await expect(withReadRetries(f.run, policy, t.deps)).rejects.toBeInstanceOf(RateLimitError);
    expect(f.calls()).toBe(3);
  });

  it("never starts a retry past the time budget", async () => {
    const t = fakeTime();
    const f = failing([rateLimited("2"), rateLimited("2"), rateLimited("2")]);
    await expect(withReadRetries(f.run, { ...policy, budgetMs: 3000 }, t.deps)).rejects.toBeInstanceOf(RateLimitError);
    expect(t.sleeps).toEqual([2000]);
  });

  it("does not retry errors a retry cannot fix", async () => {
    const t = fakeTime();
    const f = failing([new NotFoundError(404, undefined, "404", new Headers())]);
    await expect(withReadRetries(f.run, policy, t.deps)).rejects.toBeInstanceOf(NotFoundError);
    expect(f.calls()).toBe(1);
  });
});

describe("one retry per second per operation", () => {
  it("spaces the retries of different reads of one operation a second apart", async () => {
    const t = fakeTime();
    const slots = new RetrySlots();
    const retriedAt: number[] = [];
    const read = () => {
      let calls = 0;
      return async () => {
        if (calls++ === 0) throw rateLimited("0.5");
        retriedAt.push(t.deps.now());
        return "ok";
      };
    };
    // The first read retries at 0.5 s; the second fails at 0.5 s too and would retry at 1 s, but
    // the operation's next retry slot is at 1.5 s.
    await withReadRetries(read(), policy, { ...t.deps, slots, operation: "auditEvents" });
    await withReadRetries(read(), policy, { ...t.deps, slots, operation: "auditEvents" });
    expect(retriedAt).toEqual([500, 1500]);
  });

  it("keeps operations independent", async () => {
    const t = fakeTime();
    const slots = new RetrySlots();
    // Both retry at t = 1 s (one shared slot would put the second at 2 s). Pacing steps are
    // asynchronous (they may go to Redis), so compare when each finished, not how long each slept.
    const finished = await Promise.all(
      ["balance", "invoices"].map((operation) =>
        withReadRetries(failing([rateLimited("1")]).run, policy, { ...t.deps, slots, operation }).then(() => t.deps.now()),
      ),
    );
    expect(finished).toEqual([1000, 1000]);
  });

  it("gives up instead of waiting past the time budget for a slot", async () => {
    const t = fakeTime();
    const slots = new RetrySlots();
    for (let i = 0; i < 6; i++) slots.claim("balance", 0); // slots taken until t=6 s, past the 5 s budget
    const f = failing([rateLimited("1")]);
    await expect(withReadRetries(f.run, policy, { ...t.deps, slots, operation: "balance" })).rejects.toBeInstanceOf(RateLimitError);
    expect(f.calls()).toBe(1);
    expect(t.sleeps).toEqual([]);
  });

  it("after a 429, new reads of that operation answer 429 at once without going upstream, until the wait is over", async () => {
    const t = fakeTime();
    const slots = new RetrySlots();
    const first = failing([rateLimited("90")]);
    await expect(withReadRetries(first.run, policy, { ...t.deps, slots, operation: "balance" })).rejects.toBeInstanceOf(ApiError);
    const held = failing([]);
    const error = await withReadRetries(held.run, policy, { ...t.deps, slots, operation: "balance" }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).headers["retry-after"]).toBe("60");
    expect(held.calls()).toBe(0);
    // Another operation is not held.
    const other = failing([]);
    await expect(withReadRetries(other.run, policy, { ...t.deps, slots, operation: "invoices" })).resolves.toBe("ok");
    await t.deps.sleep(60_000);
    await expect(withReadRetries(held.run, policy, { ...t.deps, slots, operation: "balance" })).resolves.toBe("ok");
    expect(held.calls()).toBe(1);
  });

  it("a Retry-After of an hour holds the operation for 60 s at most, then lets one probe through", async () => {
    const t = fakeTime();
    const slots = new RetrySlots();
    const deps = { ...t.deps, slots, operation: "balance" };
    await expect(withReadRetries(failing([rateLimited("3600")]).run, policy, deps)).rejects.toMatchObject({ status: 429 });
    await t.deps.sleep(59_000);
    const early = failing([]);
    await expect(withReadRetries(early.run, policy, deps)).rejects.toMatchObject({ headers: { "retry-after": "1" } });
    expect(early.calls()).toBe(0);
    await t.deps.sleep(1_000);

    // The probe is in flight: every other read still waits, without going upstream.
    let answer!: (v: string) => void;
    const probe = withReadRetries(() => new Promise<string>((r) => (answer = r)), policy, deps);
    const meanwhile = failing([]);
    await expect(withReadRetries(meanwhile.run, policy, deps)).rejects.toMatchObject({ status: 429 });
    expect(meanwhile.calls()).toBe(0);
    answer("fresh");
    await expect(probe).resolves.toBe("fresh");
    // Telnyx answered: the hold is lifted for everybody.
    await expect(withReadRetries(meanwhile.run, policy, deps)).resolves.toBe("ok");
  });

  it("a probe that is rate-limited again renews the (capped) hold; one that fails otherwise lets the next read probe", async () => {
    const t = fakeTime();
    const slots = new RetrySlots();
    const deps = { ...t.deps, slots, operation: "balance" };
    await withReadRetries(failing([rateLimited("3600")]).run, policy, deps).catch(() => undefined);
    await t.deps.sleep(60_000);
    await withReadRetries(failing([rateLimited("3600")]).run, policy, deps).catch(() => undefined);
    expect(slots.heldUntil("balance")).toBe(120_000);
    await t.deps.sleep(60_000);
    const broken = failing([new NotFoundError(404, undefined, "404", new Headers())]);
    await expect(withReadRetries(broken.run, policy, deps)).rejects.toBeInstanceOf(NotFoundError);
    await expect(withReadRetries(failing([]).run, policy, deps)).resolves.toBe("ok");
  });
});
