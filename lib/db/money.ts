// Money in the database: TEXT on SQLite, NUMERIC on Postgres (migrations/types.ts `money`), read
// back as decimal strings on both (`pg` returns NUMERIC as a string). Sums are exact: done by
// Postgres on NUMERIC, or in big.js on SQLite, never by SQLite's SUM, which goes through floats
// ("0.10" + "0.20" → 0.30000000000000004).
import { sql, type Expression, type SelectQueryBuilder } from "kysely";
import { sumDecimals } from "../money";
import type { Engine } from ".";

/**
 * The exact sum of `column` over the rows `query` selects, as a decimal string ("0" for none).
 * `query` is a select without columns (from + where).
 */
export async function sumMoney<DB, TB extends keyof DB>(
  engine: Engine,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  query: SelectQueryBuilder<DB, TB, {}>,
  column: string,
): Promise<string> {
  const ref = sql.ref(column) as Expression<unknown>;
  if (engine === "postgres") {
    const row = await query.select(sql<string>`coalesce(sum(${ref}), 0)::text`.as("total")).executeTakeFirstOrThrow();
    return (row as { total: string }).total;
  }
  const rows = await query.select(sql<string | null>`${ref}`.as("amount")).execute();
  return sumDecimals(rows.map((r) => (r as { amount: string | null }).amount)).toFixed();
}
