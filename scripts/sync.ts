// npm run sync -- --once [--stream NAME]   every stream (or one) once, then exit (for a cron job)
// npm run sync -- --watch                  keep every stream on its interval until SIGTERM/SIGINT
// The ledger's worker on its own, against DATABASE_URL and Telnyx (or the embedded simulator when
// TELNYX_API_KEY is unset), with the same leases and call budget as the server's in-process worker,
// so running it beside the servers never syncs a stream twice. Progress goes to stderr.
// Runs under the react-server condition (see package.json) so the server-only modules load.
import { parseArgs } from "node:util";
import { connect, databaseTarget } from "../lib/db";
import { migrateToLatest } from "../lib/db/migrate";
import { isStreamName, ledgerConfig, STREAMS, type StreamName } from "../lib/ledger/config";
import { newHolderId, runOnce, startWorker } from "../lib/ledger/runner";
import { senders } from "../lib/alerts/channels";
import { evaluateRules } from "../lib/alerts/evaluate";
import { drainOutbox } from "../lib/outbox";
import { checkClosedMonthsAfterSync } from "../lib/close/service";
import { runMain } from "./run-main";

const USAGE = `usage: npm run sync -- --once [--stream ${STREAMS.join("|")}]
       npm run sync -- --watch`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { once: { type: "boolean" }, watch: { type: "boolean" }, stream: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help || values.once === values.watch) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.stream !== undefined && !isStreamName(values.stream)) {
    console.error(`sync: unknown stream "${values.stream}"\n${USAGE}`);
    return 2;
  }
  const config = ledgerConfig();
  const conn = connect(databaseTarget());
  await migrateToLatest(conn.db, conn.engine);
  const calls = new Map<string, number>();
  let last = 0;
  const onCall = (stream: StreamName) => {
    calls.set(stream, (calls.get(stream) ?? 0) + 1);
    if (Date.now() - last > 5_000) {
      last = Date.now();
      console.error(`sync: upstream calls so far: ${[...calls].map(([s, n]) => `${s} ${n}`).join(", ")}`);
    }
  };
  // Alerts are evaluated after each successful stream, and what they queue is sent (lib/alerts).
  // Closed months are compared with what the sync kept (post-close changes, lib/close).
  const afterSuccess = async (stream: StreamName) => {
    await checkClosedMonthsAfterSync(conn.db, stream);
    await evaluateRules(conn.db);
    await drainOutbox({ db: conn.db, senders: senders(), holder: newHolderId() });
  };
  const worker = { db: conn.db, engine: conn.engine, config, onCall, afterSuccess };
  try {
    if (values.once) {
      const t0 = Date.now();
      const outcomes = await runOnce(worker, values.stream as StreamName | undefined);
      const total = [...calls.values()].reduce((a, b) => a + b, 0);
      for (const [stream, outcome] of Object.entries(outcomes)) console.log(`${stream}: ${outcome} (${calls.get(stream) ?? 0} calls)`);
      console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${total} upstream calls`);
      return Object.values(outcomes).every((o) => o === "ok" || o === "busy" || o === "paused") ? 0 : 1;
    }
    const running = startWorker(worker);
    console.error(`sync: watching ${STREAMS.join(", ")} (budget ${config.maxCallsPerMinute} calls/min); stop with Ctrl-C`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await running.stop();
    return 0;
  } finally {
    await conn.db.destroy();
  }
}

runMain("sync", main);
