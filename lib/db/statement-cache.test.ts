import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withStatementCache } from "./statement-cache";

const open: Database.Database[] = [];
afterEach(() => {
  for (const d of open.splice(0)) if (d.open) d.close();
});

function sqlite() {
  const d = new Database(":memory:");
  open.push(d);
  d.exec("create table t (id integer primary key, v text)");
  d.prepare("insert into t (v) values (?), (?), (?)").run("a", "b", "c");
  return d;
}

describe("withStatementCache", () => {
  it("prepares a statement once per SQL text", () => {
    const d = sqlite();
    const spy = vi.spyOn(d, "prepare");
    const cached = withStatementCache(d);
    const a = cached.prepare("select v from t where id = ?");
    const b = cached.prepare("select v from t where id = ?");
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(b.all([2])).toEqual([{ v: "b" }]);
  });

  it("never hands out a statement that is still iterating", () => {
    const d = sqlite();
    const cached = withStatementCache(d);
    const sql = "select v from t order by id";
    const first = cached.prepare(sql);
    const rows = first.iterate([]);
    expect(rows.next().value).toEqual({ v: "a" });
    const second = cached.prepare(sql);
    expect(second).not.toBe(first);
    expect(second.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ v: "b" }, { v: "c" }]);
    // Once the iteration ended the kept statement is used again.
    expect(cached.prepare(sql)).toBe(first);
  });

  it("keeps at most `max` statements, dropping the least recently used", () => {
    const d = sqlite();
    const spy = vi.spyOn(d, "prepare");
    const cached = withStatementCache(d, 2);
    cached.prepare("select 1");
    cached.prepare("select 2");
    cached.prepare("select 1"); // now "select 2" is the oldest
    cached.prepare("select 3");
    cached.prepare("select 1");
    expect(spy).toHaveBeenCalledTimes(3);
    cached.prepare("select 2");
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it("still sees schema changes and reports SQL errors", async () => {
    const d = sqlite();
    const k = new Kysely<{ t: { id: number; v: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(d) }) });
    const read = () => k.selectFrom("t").selectAll().where("id", "=", 1).execute();
    expect(await read()).toEqual([{ id: 1, v: "a" }]);
    d.exec("alter table t add column w text default 'x'");
    expect(await read()).toEqual([{ id: 1, v: "a", w: "x" }]);
    d.exec("drop table t");
    await expect(read()).rejects.toThrow(/no such table/);
    await k.destroy();
    expect(d.open).toBe(false);
  });
});
