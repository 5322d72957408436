// Kysely's SQLite driver prepares every query's statement again (about 20–50 µs each, on every
// session check). Kysely builds the same SQL text for the same query, so the statements are kept
// by text and reused. A statement that is busy (an iterate() not finished) is never handed out
// twice: that query gets a fresh one. SQLite re-prepares a kept statement itself when the schema
// changes.
import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

type Statement = Database.Statement<unknown[]>;

/** `sqlite` as Kysely's SqliteDialect wants it, its statements kept (least recently used dropped beyond `max`). */
export function withStatementCache(sqlite: Database.Database, max = 500): SqliteDatabase {
  const kept = new Map<string, Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const cached = kept.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last, so the first key is the one to drop.
        kept.delete(sql);
        kept.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql) as Statement;
      if (cached) return statement; // the kept one is busy: this one is used once
      kept.set(sql, statement);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
