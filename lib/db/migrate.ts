// Runs the versioned migrations with Kysely's Migrator: on Postgres under an advisory lock (two
// instances starting together migrate once; the second waits, then finds nothing to do), on
// SQLite inside one transaction. Shared by server start, `npm run db:migrate` and first use.
import { Migrator, type Kysely, type MigrationResult } from "kysely";
import type { Engine } from ".";
import { MIGRATIONS } from "./migrations";

export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>, engine: Engine): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (d: Kysely<unknown>) => m.up(d, engine) }])),
    },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Database migration ${failed ?? ""} failed: ${(error as Error).message ?? String(error)}`);
  }
  return results;
}
