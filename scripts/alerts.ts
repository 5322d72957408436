// npm run alerts -- evaluate   evaluate every rule now, then send what is due in the outbox
// npm run alerts -- send       only send what is due in the outbox
// Against DATABASE_URL, with the same compare-and-set and outbox leases as the servers, so running
// it beside them never sends an alert twice. Email needs SMTP_URL.
import { connect, databaseTarget } from "../lib/db";
import { migrateToLatest } from "../lib/db/migrate";
import { senders } from "../lib/alerts/channels";
import { evaluateRules } from "../lib/alerts/evaluate";
import { newHolderId } from "../lib/ledger/runner";
import { drainOutbox } from "../lib/outbox";
import { runMain } from "./run-main";

const USAGE = "usage: npm run alerts -- evaluate | send";

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== "evaluate" && command !== "send") {
    console.error(USAGE);
    return 2;
  }
  const conn = connect(databaseTarget());
  try {
    await migrateToLatest(conn.db, conn.engine);
    if (command === "evaluate") {
      const r = await evaluateRules(conn.db);
      console.log(`fired: ${r.fired.join(", ") || "none"}\nresolved: ${r.resolved.join(", ") || "none"}`);
    }
    const sent = await drainOutbox({ db: conn.db, senders: senders(), holder: newHolderId() });
    const failed = await conn.db.selectFrom("outbox").select(["channel_label", "last_error"]).where("status", "=", "pending").where("attempts", ">", 0).execute();
    console.log(`messages tried: ${sent}`);
    for (const f of failed) console.log(`retrying later: ${f.channel_label}: ${f.last_error}`);
    return 0;
  } finally {
    await conn.db.destroy();
  }
}

runMain("alerts", main);
