// Month close (issue #13). month_close: a closed month, who closed it and when, the manifest and
// figures its pack was built from. month_close_file: the pack's files as closed (bytes, SHA-256),
// so a closed month's pack is served as it was. month_close_change: a later difference between
// what the ledger now says and what was closed (a post-close change), recorded once per file and
// new content, never applied to the closed pack.
import type { Kysely } from "kysely";
import type { Engine } from "..";
import { types } from "./types";

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = types(engine);
  const bytes = engine === "postgres" ? ("bytea" as const) : ("blob" as const);

  await db.schema
    .createTable("month_close")
    .addColumn("month", "text", (c) => c.primaryKey())
    .addColumn("closed_at", t.epochMs, (c) => c.notNull())
    .addColumn("closed_by", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // the reconciliation's status when closed
    .addColumn("manifest", "text", (c) => c.notNull()) // JSON
    .addColumn("figures", "text", (c) => c.notNull()) // JSON
    .execute();

  await db.schema
    .createTable("month_close_file")
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("bytes", bytes, (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("rows", "integer")
    .addPrimaryKeyConstraint("month_close_file_pk", ["month", "name"])
    .execute();

  await db.schema
    .createTable("month_close_change")
    .addColumn("id", t.serialId, (c) => t.autoIncrement(c).primaryKey())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("detected_at", t.epochMs, (c) => c.notNull())
    .addColumn("item", "text", (c) => c.notNull()) // a file name or a figure's name
    .addColumn("closed_value", "text", (c) => c.notNull())
    .addColumn("current_value", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("month_close_change_once").on("month_close_change").columns(["month", "item", "current_value"]).unique().execute();
}
