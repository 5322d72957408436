import { afterAll, afterEach, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { describeEachEngine, describeWithRedis } from "@/lib/db/testing";
import { closeSharedRedis } from "@/lib/shared/redis";
import { GET } from "./route";

const call = async (query = "") => {
  const res = await GET(new Request(`http://127.0.0.1/api/health${query}`));
  return { status: res.status, body: await res.json() };
};
const saved = { db: process.env.DATABASE_URL, redis: process.env.REDIS_URL };
afterEach(async () => {
  await closeSharedRedis();
  if (saved.redis === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = saved.redis;
});
afterAll(() => {
  process.env.DATABASE_URL = saved.db;
});

await describeEachEngine("GET /api/health?ready=1", () => {
  it("liveness touches nothing; readiness reports the database and Redis off", async () => {
    expect(await call()).toMatchObject({ status: 200, body: { data: { status: "ok" } } });
    expect(await call("?ready=1")).toEqual({ status: 200, body: { data: { status: "ok", database: "ok", redis: "off" } } });
  });

  it("Redis configured but unreachable: 200 degraded", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    expect(await call("?ready=1")).toEqual({ status: 200, body: { data: { status: "degraded", database: "ok", redis: "down" } } });
  });
});

await describeWithRedis("readiness with Redis", ({ url }) => {
  it("says redis ok when it answers", async () => {
    process.env.REDIS_URL = url;
    expect((await call("?ready=1")).body.data).toMatchObject({ redis: "ok" });
  });
});

it("503 when the database does not answer, with nothing secret in the body", async () => {
  process.env.DATABASE_URL = "postgres://nobody:hunter2secret@127.0.0.1:1/none";
  process.env.SESSION_SECRET ||= "test-session-secret-0123456789abcdef0123456789";
  await closeDb();
  const res = await call("?ready=1");
  expect(res).toEqual({ status: 503, body: { data: { status: "down", database: "down", redis: "off" } } });
  expect(JSON.stringify(res)).not.toContain("hunter2");
  expect((await call("?ready=yes")).status).toBe(422);
  await closeDb();
});
