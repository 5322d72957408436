import { afterAll, expect, it } from "vitest";
import { describeWithRedis } from "../db/testing";
import { createSharedRedis, type SharedRedis } from "./redis";
import { FallbackPacing, SharedPacing, type PacingStore } from "./pacing";

/** A minimal in-process store that records what reached it. */
function localStore(): PacingStore & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    claim: (op, earliest) => (calls.push(`claim ${op}`), earliest),
    hold: (op) => void calls.push(`hold ${op}`),
    admit: (op) => (calls.push(`admit ${op}`), { go: true, probe: false }),
    recovered: (op) => void calls.push(`recovered ${op}`),
    probeEnded: (op) => void calls.push(`probeEnded ${op}`),
    heldUntil: () => 0,
  };
}

const LIMITS = { spacingMs: 1_000, maxHoldMs: 60_000, probeTimeoutMs: 30_000 };
const T = 1_800_000_000_000;

await describeWithRedis("shared upstream pacing", ({ url, prefix }) => {
  const conns: SharedRedis[] = [];
  const instance = () => {
    const r = createSharedRedis(url, prefix(), { enableOfflineQueue: true });
    conns.push(r);
    return new SharedPacing(r, LIMITS);
  };
  afterAll(async () => Promise.all(conns.map((c) => c.close())));

  it("retry slots of one operation are a second apart across instances", async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim("balance", T)).toBe(T);
    expect(await b.claim("balance", T)).toBe(T + 1_000);
    expect(await a.claim("balance", T + 500)).toBe(T + 2_000);
    expect(await b.claim("balance", T + 10_000)).toBe(T + 10_000);
    expect(await b.claim("invoices", T)).toBe(T); // per operation
  });

  it("a 429 seen by one instance holds the operation at the other, capped, then one probe", async () => {
    const [a, b] = [instance(), instance()];
    expect(await b.admit("tags", T)).toEqual({ go: true, probe: false });
    await a.hold("tags", T, 90_000); // Retry-After: 90 → capped at 60 s
    expect(await b.admit("tags", T + 1_000)).toEqual({ go: false, waitMs: 59_000 });
    expect(await b.heldUntil("tags")).toBe(T + 60_000);
    // After the hold: one probe at one instance, the others keep waiting.
    expect(await b.admit("tags", T + 60_001)).toEqual({ go: true, probe: true });
    expect(await a.admit("tags", T + 60_002)).toEqual({ go: false, waitMs: 1_000 });
    // The probe is limited again: the hold renews; then a probe that succeeds lifts it.
    await b.hold("tags", T + 60_100, 5_000);
    expect(await a.admit("tags", T + 61_000)).toEqual({ go: false, waitMs: 4_100 });
    expect(await a.admit("tags", T + 65_200)).toEqual({ go: true, probe: true });
    await a.recovered("tags");
    expect(await b.admit("tags", T + 65_300)).toEqual({ go: true, probe: false });
  });

  it("FallbackPacing: in Redis while it answers, so another instance's local store never sees it", async () => {
    const redis = createSharedRedis(url, prefix(), { enableOfflineQueue: true });
    conns.push(redis);
    const [localA, localB] = [localStore(), localStore()];
    const a = new FallbackPacing(() => redis, localA, LIMITS);
    const b = new FallbackPacing(() => redis, localB, LIMITS);
    for (let i = 0; i < 50 && !redis.available(); i++) await new Promise((r) => setTimeout(r, 20));
    await a.hold("fb", Date.now(), 30_000);
    expect(await b.admit("fb", Date.now())).toMatchObject({ go: false });
    expect([...localA.calls, ...localB.calls]).toEqual([]);
  });

  it("a probe that ended without an answer, or whose instance died, lets another probe", async () => {
    const [a, b] = [instance(), instance()];
    await a.hold("cdr", T, 1_000);
    expect(await a.admit("cdr", T + 2_000)).toEqual({ go: true, probe: true });
    await a.probeEnded("cdr");
    expect(await b.admit("cdr", T + 2_001)).toEqual({ go: true, probe: true });
    // b dies mid-probe: after the probe timeout someone else may probe.
    expect(await a.admit("cdr", T + 2_002)).toMatchObject({ go: false });
    expect(await a.admit("cdr", T + 2_001 + 30_000)).toEqual({ go: true, probe: true });
  });
});

it("FallbackPacing: an unreachable Redis falls back to the local store without failing", async () => {
  const dead = createSharedRedis("redis://127.0.0.1:1", "state-test-dead:", { retryStrategy: () => null });
  const local = localStore();
  const pacing = new FallbackPacing(() => dead, local, LIMITS);
  expect(await pacing.admit("op", T)).toEqual({ go: true, probe: false });
  await pacing.hold("op", T, 1_000);
  expect(await pacing.claim("op", T)).toBe(T);
  expect(local.calls).toEqual(["admit op", "hold op", "claim op"]);
  await dead.close();
});
