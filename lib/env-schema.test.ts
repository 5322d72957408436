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

it("an unchanged environment is not parsed again; a changed one is, and a bad one always throws", () => {
  const source: Record<string, string | undefined> = { DATABASE_URL: "./data/a.sqlite", TRUST_PROXY: "1" };
  const first = parseServerEnv(source);
  expect(parseServerEnv(source)).toBe(first);
  expect(Object.isFrozen(first)).toBe(true);
  // Another object with the same values is parsed on its own.
  const other = parseServerEnv({ ...source });
  expect(other).not.toBe(first);
  expect(other).toEqual(first);
  source.DATABASE_URL = "./data/b.sqlite";
  expect(parseServerEnv(source).DATABASE_URL).toBe("./data/b.sqlite");
  source.TRUST_PROXY = "x";
  expect(() => parseServerEnv(source)).toThrow(/TRUST_PROXY/);
  expect(() => parseServerEnv(source)).toThrow(/TRUST_PROXY/);
  source.TRUST_PROXY = "2";
  expect(parseServerEnv(source).TRUST_PROXY).toBe(2);
});
