import { afterEach, describe, expect, it } from "vitest";
import { closeSharedRedis, sharedRedis } from "./redis";

const saved = { url: process.env.REDIS_URL, prefix: process.env.REDIS_PREFIX };
const restore = (name: "REDIS_URL" | "REDIS_PREFIX", value: string | undefined) => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};
afterEach(async () => {
  await closeSharedRedis();
  restore("REDIS_URL", saved.url);
  restore("REDIS_PREFIX", saved.prefix);
});

// Nothing listens on port 1: the client only tries to connect, which is all this needs.
describe("sharedRedis (answers kept between calls)", () => {
  it("follows REDIS_URL and REDIS_PREFIX as they change", async () => {
    delete process.env.REDIS_URL;
    expect(sharedRedis()).toBeNull();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const first = sharedRedis();
    expect(first).not.toBeNull();
    expect(sharedRedis()).toBe(first);
    process.env.REDIS_PREFIX = "other:";
    const second = sharedRedis();
    expect(second).not.toBe(first);
    expect(second!.prefix).toBe("other:");
    delete process.env.REDIS_URL;
    expect(sharedRedis()).toBeNull();
  });

  it("opens a new connection after the last one was closed", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const first = sharedRedis();
    await closeSharedRedis();
    const second = sharedRedis();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
  });

  it("still refuses a bad REDIS_URL", () => {
    process.env.REDIS_URL = "http://127.0.0.1:1";
    expect(() => sharedRedis()).toThrow(/REDIS_URL/);
  });
});
