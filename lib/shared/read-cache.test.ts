import { afterAll, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors";
import { describeWithRedis } from "../db/testing";
import { createSharedRedis, type SharedRedis } from "./redis";
import { RedisUnavailable, sharedCachedRead, sharedInvalidate, type SharedReadOptions } from "./read-cache";

const options: SharedReadOptions = {
  maxStaleMs: 5 * 60_000,
  isTransient: (e) => e instanceof ApiError && e.code === "upstream_unavailable",
  encodeError: (e) => (e instanceof ApiError ? { code: e.code, detail: e.message } : { detail: String(e) }),
  decodeError: (x) => {
    const { code, detail } = x as { code: "upstream_unavailable"; detail: string };
    return code ? new ApiError(code, detail) : new Error(detail);
  },
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await describeWithRedis("shared read cache", ({ url, prefix }) => {
  // Two "instances": separate connections (and so separate in-process state) on one Redis.
  const instances: SharedRedis[] = [];
  const instance = () => {
    const r = createSharedRedis(url, prefix(), { enableOfflineQueue: true });
    instances.push(r);
    return r;
  };
  afterAll(async () => Promise.all(instances.map((r) => r.close())));

  it("200 concurrent readers over two instances: one load, everyone gets its value", async () => {
    const [a, b] = [instance(), instance()];
    const load = vi.fn(async () => {
      await sleep(100);
      return { value: { balance: "12.30" }, size: 10 };
    });
    const reads = Array.from({ length: 200 }, (_, i) => sharedCachedRead(i % 2 ? a : b, "balance:{}", 10_000, load, options));
    const values = await Promise.all(reads);
    expect(load).toHaveBeenCalledTimes(1);
    expect(new Set(values.map((v) => JSON.stringify(v)))).toEqual(new Set(['{"balance":"12.30"}']));
    // And within the TTL, later readers are served from Redis.
    await sharedCachedRead(b, "balance:{}", 10_000, load, options);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("an invalidation at one instance makes the next read at the other go upstream", async () => {
    const [a, b] = [instance(), instance()];
    let n = 0;
    const load = async () => ({ value: ++n, size: 1 });
    expect(await sharedCachedRead(a, "prefs:{}", 60_000, load, options)).toBe(1);
    expect(await sharedCachedRead(b, "prefs:{}", 60_000, load, options)).toBe(1);
    await sharedInvalidate(a, ["prefs", "unrelated"]);
    expect(await sharedCachedRead(b, "prefs:{}", 60_000, load, options)).toBe(2);
  });

  it("an instance answers the same object while Redis holds the same value, and a new one once it changes", async () => {
    const [a, b] = [instance(), instance()];
    let n = 0;
    const load = async () => ({ value: { n: ++n, rows: Array.from({ length: 1000 }, (_, i) => ({ tn: `+1555${i}`, cost: "1.10" })) }, size: 1 });
    const loaded = await sharedCachedRead(a, "breakdown:{}", 150, load, options);
    // The loading instance and another one: each decodes once, then answers the object it holds
    // (so what is computed from a value, such as the sorted breakdown, is computed once per value).
    expect(await sharedCachedRead(a, "breakdown:{}", 150, load, options)).toBe(loaded);
    const atB = await sharedCachedRead(b, "breakdown:{}", 150, load, options);
    expect(atB).not.toBe(loaded);
    expect(atB).toEqual(loaded);
    expect(await sharedCachedRead(b, "breakdown:{}", 150, load, options)).toBe(atB);
    // Expired, and loaded again at b under the same key: a answers the new value, not its own copy.
    await sleep(200);
    const fresh = await sharedCachedRead(b, "breakdown:{}", 150, load, options);
    expect(fresh).toMatchObject({ n: 2 });
    expect(await sharedCachedRead(a, "breakdown:{}", 150, load, options)).toMatchObject({ n: 2 });
    // A write elsewhere: the next read is a new value too.
    await sharedInvalidate(b, ["breakdown"]);
    expect(await sharedCachedRead(a, "breakdown:{}", 60_000, load, options)).toMatchObject({ n: 3 });
    expect(n).toBe(3);
  });

  it("a value loaded while a write invalidated its namespace is returned but not stored", async () => {
    const a = instance();
    let n = 0;
    const slow = async () => {
      const v = ++n;
      if (v === 1) await sharedInvalidate(a, ["slow"]); // the write lands mid-load
      return { value: v, size: 1 };
    };
    expect(await sharedCachedRead(a, "slow:{}", 60_000, slow, options)).toBe(1);
    expect(await sharedCachedRead(a, "slow:{}", 60_000, slow, options)).toBe(2);
  });

  it("readers waiting on a failing load get its error; the next reader tries again", async () => {
    const [a, b] = [instance(), instance()];
    const failing = vi.fn(async () => {
      await sleep(80);
      throw new ApiError("upstream_contract", "bad answer");
    });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => sharedCachedRead(i % 2 ? a : b, "broken:{}", 10_000, failing, options)));
    expect(failing).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.status === "rejected" && /bad answer/.test(String(r.reason)))).toBe(true);
    await expect(sharedCachedRead(a, "broken:{}", 10_000, async () => ({ value: "ok", size: 1 }), options)).resolves.toBe("ok");
  });

  it("a transient failure serves the last good value for another TTL", async () => {
    const a = instance();
    let t = 1_000_000;
    const opts = { ...options, now: () => t };
    await sharedCachedRead(a, "flaky:{}", 1_000, async () => ({ value: "good", size: 1 }), opts);
    t += 2_000; // expired
    const down = vi.fn(async () => {
      throw new ApiError("upstream_unavailable", "503");
    });
    expect(await sharedCachedRead(a, "flaky:{}", 1_000, down, opts)).toBe("good");
    expect(await sharedCachedRead(a, "flaky:{}", 1_000, down, opts)).toBe("good"); // fresh again: no call
    expect(down).toHaveBeenCalledTimes(1);
    t += 6 * 60_000; // too old to stand in
    await expect(sharedCachedRead(a, "flaky:{}", 1_000, down, opts)).rejects.toThrow("503");
  });
});

it("an unreachable Redis is RedisUnavailable before any upstream call", async () => {
  const dead = createSharedRedis("redis://127.0.0.1:1", "state-test-dead:", { retryStrategy: () => null, lazyConnect: true });
  const load = vi.fn(async () => ({ value: 1, size: 1 }));
  await expect(sharedCachedRead(dead, "balance:{}", 1_000, load, options)).rejects.toBeInstanceOf(RedisUnavailable);
  await expect(sharedInvalidate(dead, ["balance"])).rejects.toBeInstanceOf(RedisUnavailable);
  expect(load).not.toHaveBeenCalled();
  await dead.close();
});
