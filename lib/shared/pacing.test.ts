import { afterAll, expect, it } from "vitest";
import { describeWithRedis } from "../db/testing";
import { createSharedRedis, type SharedRedis } from "./redis";
import { SharedPacing } from "./pacing";

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
