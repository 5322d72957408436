import { expect, it } from "vitest";
import { parseServerEnv } from "./env-schema.mjs";

const SECRET = "s".repeat(40);

it("on Postgres, SESSION_SECRET is required and the error names it", () => {
  expect(() => parseServerEnv({ DATABASE_URL: "postgres://u@127.0.0.1/db" })).toThrow(/SESSION_SECRET: required when DATABASE_URL is a Postgres URL/);
  expect(() => parseServerEnv({ DATABASE_URL: "postgresql://u@127.0.0.1/db", SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32/);
  expect(parseServerEnv({ DATABASE_URL: "postgres://u@127.0.0.1/db", SESSION_SECRET: SECRET }).DATABASE_URL).toBe("postgres://u@127.0.0.1/db");
  // SQLite keeps generating one when unset.
  expect(parseServerEnv({ DATABASE_URL: "./data/x.sqlite" }).SESSION_SECRET).toBeUndefined();
});

it("REDIS_URL must be redis:// or rediss://, REDIS_PREFIX plain characters", () => {
  expect(parseServerEnv({ REDIS_URL: "rediss://user:pw@cache:6380/0", REDIS_PREFIX: "billing-prod:" })).toMatchObject({ REDIS_PREFIX: "billing-prod:" });
  expect(() => parseServerEnv({ REDIS_URL: "http://cache:6379" })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  expect(() => parseServerEnv({ REDIS_PREFIX: "has space" })).toThrow(/REDIS_PREFIX/);
});
