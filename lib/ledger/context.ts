// What a stream's sync sees: its cursor, the worker's upstream, and `commit`, which writes rows and
// the next cursor in one transaction only while this instance still holds the stream's lease (a
// taken-over stream's old holder can never write over its successor).
import type { Db, Engine } from "../db";
import type { Clock } from "./clock";
import type { LedgerConfig, StreamName } from "./config";
import type { WorkerUpstream } from "./upstream";

export class LeaseLostError extends Error {
  constructor(stream: string) {
    super(`Another instance took over the ${stream} stream.`);
  }
}

export interface SyncContext<C> {
  db: Db;
  engine: Engine;
  stream: StreamName;
  clock: Clock;
  config: LedgerConfig;
  upstream: WorkerUpstream;
  signal: AbortSignal;
  /** The cursor as last committed (null before the first commit). */
  cursor: C | null;
  commit(write: (trx: Db) => Promise<void>, cursor: C): Promise<void>;
}

export function makeContext<C>(base: Omit<SyncContext<C>, "cursor" | "commit">, holder: string, cursor: C | null): SyncContext<C> {
  const ctx: SyncContext<C> = {
    ...base,
    cursor,
    async commit(write, next) {
      base.signal.throwIfAborted();
      await base.db.transaction().execute(async (trx) => {
        await write(trx);
        const r = await trx
          .updateTable("ledger_stream")
          .set({ cursor: JSON.stringify(next) })
          .where("stream", "=", base.stream)
          .where("lease_holder", "=", holder)
          .where("lease_expires_at", ">", base.clock.now())
          .executeTakeFirst();
        if (!Number(r.numUpdatedRows)) throw new LeaseLostError(base.stream);
      });
      ctx.cursor = next;
    },
  };
  return ctx;
}

/** A boolean column's value: boolean on Postgres, 0/1 on SQLite. */
export const boolValue = (engine: Engine, v: boolean) => (engine === "postgres" ? v : v ? 1 : 0);
export const isTrue = (v: boolean | number | null | undefined) => v === true || v === 1;
