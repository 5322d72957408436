// npm run db:copy -- --from ./data/dashboard.sqlite --to postgres://user@host/db
// Copies an install's lasting data (users with their password hashes, the action log, approvals,
// alerts, closed months, the ledger: lib/db/copy.ts lists it all) from one install's database to a
// new one; sessions are dropped (everyone signs in again). Stop the install first. Either side may
// be a SQLite path or a postgres:// URL. The destination is migrated and must be empty.
import { parseArgs } from "node:util";
import { connect, databaseTarget } from "../lib/db";
import { copyDatabase } from "../lib/db/copy";
import { runMain } from "./run-main";

const USAGE = "usage: npm run db:copy -- --from <sqlite path | postgres://…> --to <sqlite path | postgres://…>";
const hide = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.from || !values.to) {
    console.error(USAGE);
    return 2;
  }
  const from = connect(databaseTarget(values.from), { poolSize: 1 });
  const to = connect(databaseTarget(values.to), { poolSize: 1 });
  try {
    console.log(`Copying ${hide(values.from)} → ${hide(values.to)}`);
    await copyDatabase(from, to, (line) => console.log(`  ${line}`));
    console.log("Done. Sessions were not copied: everyone signs in again.");
    return 0;
  } finally {
    await Promise.all([from.db.destroy(), to.db.destroy()]);
  }
}

runMain("db:copy", main);
