// The worker's upstream budget: at most `max` calls in any rolling minute, across every instance
// (the calls are rows of ledger_call in the shared database). Claiming is one conditional INSERT:
// atomic on SQLite (a write statement holds the write lock), and serialized on Postgres by a
// transaction-scoped advisory lock. Page reads never come here: they are never delayed by it.
import { sql } from "kysely";
import type { Db, Engine } from "../db";
import type { Clock } from "./clock";

/**
 * A minute plus a second: a call is recorded when claimed, but reaches Telnyx a little later, so
 * two calls claimed 60 s apart could arrive less than 60 s apart (the large backfill saw 301 in one
 * rolling minute at a budget of 300 with an exact minute).
 */
export const WINDOW_MS = 61_000;
const ADVISORY_KEY = 120_012; // any constant of our own: issue #12's budget

export class CallBudget {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    readonly max: number,
    private readonly clock: Clock,
  ) {}

  /** Records a call now if the minute has room; otherwise returns how long to wait (ms). */
  async tryClaim(stream: string): Promise<{ ok: true } | { ok: false; waitMs: number }> {
    const now = this.clock.now();
    const since = now - WINDOW_MS;
    const claim = async (db: Db) => {
      const inserted = await sql`
        insert into ledger_call (at, stream)
        select ${now}, ${stream}
        where (select count(*) from ledger_call where at > ${since}) < ${this.max}`.execute(db);
      if (Number(inserted.numAffectedRows ?? 0) > 0) return { ok: true as const };
      const oldest = await db
        .selectFrom("ledger_call")
        .select((eb) => eb.fn.min("at").as("at"))
        .where("at", ">", since)
        .executeTakeFirst();
      return { ok: false as const, waitMs: Math.max(50, Number(oldest?.at ?? now) + WINDOW_MS - now + 1) };
    };
    if (this.engine === "sqlite") return claim(this.db);
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${ADVISORY_KEY})`.execute(trx);
      return claim(trx);
    });
  }

  /** Waits for room in the minute, then records the call. */
  async acquire(stream: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const r = await this.tryClaim(stream);
      if (r.ok) return;
      await this.clock.sleep(r.waitMs, signal);
    }
  }

  /** Calls per stream since `since` (the sync page's "calls today"). */
  async countsSince(since: number): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("ledger_call")
      .select(["stream", (eb) => eb.fn.countAll<number>().as("n")])
      .where("at", ">=", since)
      .groupBy("stream")
      .execute();
    return new Map(rows.map((r) => [r.stream, Number(r.n)]));
  }

  /** Forgets calls older than two days. */
  async prune(): Promise<void> {
    await this.db.deleteFrom("ledger_call").where("at", "<", this.clock.now() - 2 * 86_400_000).execute();
  }
}
