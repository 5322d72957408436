// The versioned migrations, in order. Add a file NNNN_name.ts exporting up(db, engine) and list it
// here; never edit one that has shipped. Kysely records what ran in kysely_migration.
import type { Kysely } from "kysely";
import type { Engine } from "..";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_ledger";
import * as m0003 from "./0003_alerts";
import * as m0004 from "./0004_controls";
import * as m0005 from "./0005_close";

export const MIGRATIONS: Record<string, { up(db: Kysely<unknown>, engine: Engine): Promise<void> }> = {
  "0001_initial": m0001,
  "0002_ledger": m0002,
  "0003_alerts": m0003,
  "0004_controls": m0004,
  "0005_close": m0005,
};
