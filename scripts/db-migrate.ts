// npm run db:migrate — brings the database at DATABASE_URL (SQLite file or postgres://…) to the
// latest schema. The server also does this at start, under the same lock; run it yourself before
// rolling out a new version to several instances. Safe to run twice or from two places at once.
import { connect, databaseTarget } from "../lib/db";
import { migrateToLatest } from "../lib/db/migrate";

async function main(): Promise<void> {
  const target = databaseTarget();
  const where = target.engine === "sqlite" ? target.path : target.url.replace(/\/\/[^@/]*@/, "//…@");
  const conn = connect(target, { poolSize: 1 });
  try {
    const results = await migrateToLatest(conn.db, conn.engine);
    if (results.length === 0) console.log(`${where}: already up to date.`);
    for (const r of results) console.log(`${where}: applied ${r.migrationName}`);
  } finally {
    await conn.db.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(`db:migrate: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
