// Column types per engine, so one migration serves both. Money is TEXT on SQLite (exact decimal
// strings; never summed by SQLite, whose SUM goes through floats) and NUMERIC on Postgres (read
// back as a string by `pg`).
import { sql, type ColumnDefinitionBuilder } from "kysely";
import type { Engine } from "..";

export function types(engine: Engine) {
  const pg = engine === "postgres";
  return {
    boolean: pg ? ("boolean" as const) : ("integer" as const),
    /** better-auth's dates: "date" (ISO text) on SQLite, as its own generator makes them. */
    date: pg ? ("timestamptz" as const) : ("date" as const),
    instant: pg ? ("timestamptz" as const) : ("text" as const),
    epochMs: pg ? ("bigint" as const) : ("integer" as const),
    money: pg ? sql`numeric` : ("text" as const),
    serialId: pg ? ("bigint" as const) : ("integer" as const),
    autoIncrement: (c: ColumnDefinitionBuilder) => (pg ? c.generatedByDefaultAsIdentity() : c.autoIncrement()),
  };
}
