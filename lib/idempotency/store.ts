// Where idempotency claims live. A small surface on purpose (claim, read, heartbeat, settle,
// purge), async; this one is the dashboard's database (table idempotency_keys, lib/db), SQLite or Postgres.
import { db, type Db } from "../db";

/** Who holds a claim: the instance (stable across restarts) and this boot of it. */
export interface ClaimOwner {
  instance: string;
  boot: string;
}

/** "released": a definite refusal freed the key (nothing was done); the next request runs afresh. */
export type ClaimState = "pending" | "success" | "failure" | "unknown" | "released";
export type SettledState = Exclude<ClaimState, "pending">;

export interface StoredOutcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface Claim {
  requestHash: string;
  state: ClaimState;
  /** Null while pending. */
  outcome: StoredOutcome | null;
  owner: ClaimOwner;
  /** When the owner last said it is still working (ms since epoch). */
  heartbeatAt: number;
}

export interface ClaimId {
  scope: string;
  userId: string;
  key: string;
}

export interface ClaimStore {
  /** Atomically claims the key: a new row, or one whose earlier request was released. */
  claim(id: ClaimId, requestHash: string, owner: ClaimOwner, now: number): Promise<{ claimed: boolean; claim: Claim }>;
  get(id: ClaimId): Promise<Claim | undefined>;
  /** The owner is still working on its pending claim. */
  heartbeat(id: ClaimId, owner: ClaimOwner, now: number): Promise<void>;
  /**
   * Stores an outcome. `expect` makes it conditional: only a claim still pending, held by that
   * owner and with that heartbeat is settled (so only one party ever decides a claim's fate).
   * Returns whether a row changed.
   */
  settle(
    id: ClaimId,
    state: SettledState,
    outcome: StoredOutcome,
    now: number,
    expect: { owner: ClaimOwner; pendingHeartbeatAt?: number },
  ): Promise<boolean>;
  /** Forgets settled claims last changed before `before`. */
  purge(before: number): Promise<void>;
}

type Row = {
  request_hash: string;
  state: ClaimState;
  status: number | null;
  body: string | null;
  headers: string | null;
  owner_instance: string;
  owner_boot: string;
  heartbeat_at: number;
};

function toClaim(row: Row): Claim {
  return {
    requestHash: row.request_hash,
    state: row.state,
    outcome:
      row.state === "pending" || row.status === null
        ? null
        : { status: row.status, body: JSON.parse(row.body ?? "null"), headers: JSON.parse(row.headers ?? "{}") },
    owner: { instance: row.owner_instance, boot: row.owner_boot },
    heartbeatAt: row.heartbeat_at,
  };
}

/** The claim store in the dashboard's database (SQLite or Postgres), through Kysely. */
export function databaseClaimStore(database: () => Promise<Db> = db): ClaimStore {
  const select = async (id: ClaimId) =>
    (await database())
      .selectFrom("idempotency_keys")
      .select(["request_hash", "state", "status", "body", "headers", "owner_instance", "owner_boot", "heartbeat_at"])
      .where("scope", "=", id.scope)
      .where("user_id", "=", id.userId)
      .where("key", "=", id.key)
      .executeTakeFirst() as Promise<Row | undefined>;

  return {
    async claim(id, requestHash, owner, now) {
      // One INSERT … ON CONFLICT: a new row, or taking over a released one; atomic on both engines.
      const result = await (await database())
        .insertInto("idempotency_keys")
        .values({
          scope: id.scope,
          user_id: id.userId,
          key: id.key,
          request_hash: requestHash,
          state: "pending",
          owner_instance: owner.instance,
          owner_boot: owner.boot,
          heartbeat_at: now,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(["scope", "user_id", "key"])
            .doUpdateSet((eb) => ({
              request_hash: eb.ref("excluded.request_hash"),
              state: "pending",
              status: null,
              body: null,
              headers: null,
              owner_instance: eb.ref("excluded.owner_instance"),
              owner_boot: eb.ref("excluded.owner_boot"),
              heartbeat_at: eb.ref("excluded.heartbeat_at"),
              created_at: eb.ref("excluded.created_at"),
              updated_at: eb.ref("excluded.updated_at"),
            }))
            .where("idempotency_keys.state", "=", "released"),
        )
        .executeTakeFirst();
      const row = await select(id);
      if (!row) throw new Error("an idempotency claim vanished right after it was made");
      return { claimed: Number(result.numInsertedOrUpdatedRows ?? 0) === 1, claim: toClaim(row) };
    },
    async get(id) {
      const row = await select(id);
      return row && toClaim(row);
    },
    async heartbeat(id, owner, now) {
      await (await database())
        .updateTable("idempotency_keys")
        .set({ heartbeat_at: now })
        .where("scope", "=", id.scope)
        .where("user_id", "=", id.userId)
        .where("key", "=", id.key)
        .where("state", "=", "pending")
        .where("owner_instance", "=", owner.instance)
        .where("owner_boot", "=", owner.boot)
        .execute();
    },
    async settle(id, state, outcome, now, expect) {
      let q = (await database())
        .updateTable("idempotency_keys")
        .set({ state, status: outcome.status, body: JSON.stringify(outcome.body ?? null), headers: JSON.stringify(outcome.headers), updated_at: now })
        .where("scope", "=", id.scope)
        .where("user_id", "=", id.userId)
        .where("key", "=", id.key)
        .where("owner_instance", "=", expect.owner.instance)
        .where("owner_boot", "=", expect.owner.boot);
      if (expect.pendingHeartbeatAt !== undefined) q = q.where("state", "=", "pending").where("heartbeat_at", "=", expect.pendingHeartbeatAt);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async purge(before) {
      await (await database()).deleteFrom("idempotency_keys").where("state", "!=", "pending").where("updated_at", "<", before).execute();
    },
  };
}
