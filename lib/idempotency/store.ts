// Where idempotency claims live. A small surface on purpose (claim, read, heartbeat, settle,
// purge), async so it ports to a shared store (Kysely on Postgres, Redis) unchanged; this is the
// SQLite one, in the dashboard's database (table idempotency_keys, lib/db).
import type { Db } from "../db";
import { getDb } from "../db";

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

export function sqliteClaimStore(db: () => Db = getDb): ClaimStore {
  const where = "scope = ? AND user_id = ? AND key = ?";
  const ids = (id: ClaimId) => [id.scope, id.userId, id.key];
  const select = (id: ClaimId) =>
    db()
      .prepare(
        `SELECT request_hash, state, status, body, headers, owner_instance, owner_boot, heartbeat_at FROM idempotency_keys WHERE ${where}`,
      )
      .get(...ids(id)) as Row | undefined;

  return {
    async claim(id, requestHash, owner, now) {
      const run = db().transaction(() => {
        const changed = db()
          .prepare(
            `INSERT INTO idempotency_keys (scope, user_id, key, request_hash, state, owner_instance, owner_boot, heartbeat_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
             ON CONFLICT (scope, user_id, key) DO UPDATE SET
               request_hash = excluded.request_hash, state = 'pending', status = NULL, body = NULL, headers = NULL,
               owner_instance = excluded.owner_instance, owner_boot = excluded.owner_boot,
               heartbeat_at = excluded.heartbeat_at, created_at = excluded.created_at, updated_at = excluded.updated_at
             WHERE idempotency_keys.state = 'released'`,
          )
          .run(...ids(id), requestHash, owner.instance, owner.boot, now, now, now).changes;
        return { claimed: changed === 1, claim: toClaim(select(id)!) };
      });
      return run.immediate();
    },
    async get(id) {
      const row = select(id);
      return row && toClaim(row);
    },
    async heartbeat(id, owner, now) {
      db()
        .prepare(`UPDATE idempotency_keys SET heartbeat_at = ? WHERE ${where} AND state = 'pending' AND owner_instance = ? AND owner_boot = ?`)
        .run(now, ...ids(id), owner.instance, owner.boot);
    },
    async settle(id, state, outcome, now, expect) {
      const pending = expect.pendingHeartbeatAt === undefined ? "" : " AND state = 'pending' AND heartbeat_at = ?";
      const result = db()
        .prepare(
          `UPDATE idempotency_keys SET state = ?, status = ?, body = ?, headers = ?, updated_at = ?
           WHERE ${where} AND owner_instance = ? AND owner_boot = ?${pending}`,
        )
        .run(
          state,
          outcome.status,
          JSON.stringify(outcome.body ?? null),
          JSON.stringify(outcome.headers),
          now,
          ...ids(id),
          expect.owner.instance,
          expect.owner.boot,
          ...(expect.pendingHeartbeatAt === undefined ? [] : [expect.pendingHeartbeatAt]),
        );
      return result.changes === 1;
    },
    async purge(before) {
      db().prepare("DELETE FROM idempotency_keys WHERE state != 'pending' AND updated_at < ?").run(before);
    },
  };
}
