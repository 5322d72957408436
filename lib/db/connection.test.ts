import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, connection } from ".";

const saved = process.env.DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conn-test-"));
afterAll(async () => {
  await closeDb();
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("connection() (kept between calls)", () => {
  it("is the same while DATABASE_URL stays, and follows it when it changes or the connection was closed", async () => {
    process.env.DATABASE_URL = path.join(dir, "a.sqlite");
    const a = connection();
    expect(connection()).toBe(a);
    expect(a.target).toEqual({ engine: "sqlite", path: path.join(dir, "a.sqlite") });
    process.env.DATABASE_URL = path.join(dir, "b.sqlite");
    const b = connection();
    expect(b).not.toBe(a);
    expect(b.target).toEqual({ engine: "sqlite", path: path.join(dir, "b.sqlite") });
    b.sqlite!.close();
    const c = connection();
    expect(c).not.toBe(b);
    expect(c.sqlite!.open).toBe(true);
    await closeDb();
    expect(connection()).not.toBe(c);
  });
});
