import path from "node:path";
import { expect, it } from "vitest";
import { pinnedDatabaseUrl } from "./paths.mjs";

it("pins a relative SQLite path to the starting directory, leaves Postgres URLs alone", () => {
  expect(pinnedDatabaseUrl(undefined)).toBe(path.resolve("data/dashboard.sqlite"));
  expect(pinnedDatabaseUrl(" ")).toBe(path.resolve("data/dashboard.sqlite"));
  expect(pinnedDatabaseUrl("./x/y.sqlite")).toBe(path.resolve("x/y.sqlite"));
  expect(pinnedDatabaseUrl("file:///abs/z.sqlite")).toBe("/abs/z.sqlite");
  expect(pinnedDatabaseUrl(":memory:")).toBe(":memory:");
  expect(pinnedDatabaseUrl("postgresql://u@h/db?sslmode=require")).toBe("postgresql://u@h/db?sslmode=require");
});
