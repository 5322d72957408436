// LEDGER_RETENTION_DAYS: audit events, webhook deliveries and usage rollups older than that go
// (default: everything is kept). Balance snapshots, charges and invoices are always kept.
import type { Db } from "../db";
import { DAY_MS, utcDay } from "./clock";
import type { LedgerConfig, StreamName } from "./config";

export async function applyRetention(db: Db, stream: StreamName, config: LedgerConfig, now: number): Promise<void> {
  if (!config.retentionDays) return;
  const cutoff = now - config.retentionDays * DAY_MS;
  if (stream === "audit_events") await db.deleteFrom("ledger_audit_event").where("created_at", "<", cutoff).execute();
  if (stream === "webhook_deliveries") await db.deleteFrom("ledger_webhook_delivery").where("started_at", "<", cutoff).execute();
  if (stream === "usage") {
    await db.deleteFrom("ledger_usage_type").where("day", "<", utcDay(cutoff)).execute();
    await db.deleteFrom("ledger_usage_tag").where("day", "<", utcDay(cutoff)).execute();
  }
}
