import { afterAll, afterEach, expect, it, vi } from "vitest";
import Redis from "ioredis";
import { describeWithRedis } from "@/lib/db/testing";
import { closeSharedRedis, sharedRedis } from "@/lib/shared/redis";
import { cachedRead, clearReadCache, invalidateReads } from "./read-cache";

const saved = { url: process.env.REDIS_URL, prefix: process.env.REDIS_PREFIX };
afterEach(async () => {
  await closeSharedRedis();
  clearReadCache();
  process.env.REDIS_URL = saved.url;
  process.env.REDIS_PREFIX = saved.prefix;
  if (saved.url === undefined) delete process.env.REDIS_URL;
  if (saved.prefix === undefined) delete process.env.REDIS_PREFIX;
});
const connected = async () => {
  for (let i = 0; i < 100 && !sharedRedis()?.available(); i++) await new Promise((r) => setTimeout(r, 20));
};

await describeWithRedis("read cache with REDIS_URL", ({ url, prefix }) => {
  const probe = new Redis(url);
  afterAll(() => probe.disconnect());

  it("keeps values in Redis under REDIS_PREFIX, and a write's invalidation reaches it", async () => {
    process.env.REDIS_URL = url;
    process.env.REDIS_PREFIX = prefix();
    await connected();
    let n = 0;
    const load = vi.fn(async () => ({ value: ++n, size: 1 }));
    expect(await cachedRead("balance:{}", 60_000, load)).toBe(1);
    expect(await probe.keys(`${prefix()}val:balance:*`)).toHaveLength(1);
    clearReadCache(); // nothing in process: the value comes from Redis
    expect(await cachedRead("balance:{}", 60_000, load)).toBe(1);
    await invalidateReads(["balance:"]);
    expect(await cachedRead("balance:{}", 60_000, load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

it("an unreachable Redis never fails a read: the in-process cache answers (and coalesces)", async () => {
  process.env.REDIS_URL = "redis://127.0.0.1:1";
  process.env.REDIS_PREFIX = "state-test-dead:";
  const load = vi.fn(async () => {
    await new Promise((r) => setTimeout(r, 20));
    return { value: "v", size: 1 };
  });
  const values = await Promise.all(Array.from({ length: 20 }, () => cachedRead("balance:{}", 60_000, load)));
  expect(values.every((v) => v === "v")).toBe(true);
  expect(load).toHaveBeenCalledTimes(1);
  await expect(invalidateReads(["balance:"])).resolves.toBeUndefined();
  expect(await cachedRead("balance:{}", 60_000, load)).toBe("v");
  expect(load).toHaveBeenCalledTimes(2);
});
