// Payments happen once. The first request with a given (scope, user, Idempotency-Key) claims the
// key with one atomic INSERT; its outcome is stored and every later request with that key gets the
// stored outcome back without running anything. A duplicate that arrives while the first is still
// running waits for it: through an in-process promise when both hit this server, by polling the
// row when they hit different processes.
import { createHash } from "node:crypto";
import { ApiError } from "../api/errors";
import { getDb } from "../db";

export interface Outcome {
  status: number;
  body: unknown;
}
export type StoredState = "success" | "failure" | "unknown";
export interface RunOnceResult extends Outcome {
  replayed: boolean;
  outcome: StoredState;
}

/** How long a duplicate waits for the first request before giving up with 409. */
const WAIT_MS = 90_000;
const POLL_MS = 50;
/** A claim still pending after this long was orphaned (the process died mid-call). */
const STALE_MS = 10 * 60_000;
/** Finished outcomes are kept this long; a key reused later starts afresh. */
const KEEP_MS = 24 * 60 * 60_000;

// The same shape as lib/telnyx/run.ts's unknown-outcome error.
const UNKNOWN_DETAIL =
  "The dashboard could not confirm whether this request was carried out. Check the current state before trying again.";
const unknownOutcome = (): Outcome => ({
  status: 504,
  body: { errors: [{ code: "outcome_unknown", title: "Outcome unknown", detail: UNKNOWN_DETAIL }] },
});

type Row = { request_hash: string; state: "pending" | StoredState; status: number | null; body: string | null; created_at: number };

const g = globalThis as typeof globalThis & { __idempotencyInflight?: Map<string, Promise<RunOnceResult>> };
const inflight = (g.__idempotencyInflight ??= new Map());

/** A stable hash of the request, so a key reused for a different request is caught. */
function fingerprint(request: unknown): string {
  const stable = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
      : Array.isArray(v) ? v.map(stable) : v;
  return createHash("sha256").update(JSON.stringify(stable(request ?? null)) ?? "null").digest("hex");
}

function toResult(row: Row, replayed: boolean): RunOnceResult {
  if (row.state === "pending" || row.status === null || row.body === null) throw new Error("outcome not stored yet");
  return { status: row.status, body: JSON.parse(row.body), outcome: row.state, replayed };
}

/**
 * Runs `fn` at most once per (scope, userId, key) and returns its outcome, or the stored outcome
 * of the first request with that key (`replayed: true`). `request` is the request's input (the
 * parsed body): the same key with a different input is a 422. `fn` may return
 * `outcome: "unknown"`; a thrown ApiError is stored as its error response ("unknown" when it
 * carries code outcome_unknown, as a timed-out write does), anything else thrown as unknown.
 */
export async function runOnce(
  scope: string,
  key: string,
  userId: string,
  fn: () => Promise<Outcome & { outcome?: StoredState }>,
  request?: unknown,
): Promise<RunOnceResult> {
  if (!key || key.length > 255)
    throw new ApiError("invalid_input", "An Idempotency-Key header (1 to 255 characters) is required.", {
      items: [{ code: "invalid_input", title: "Invalid input", detail: "Idempotency-Key header is required", source: { parameter: "Idempotency-Key" } }],
    });
  const db = getDb();
  const hash = fingerprint(request);
  const id = JSON.stringify([scope, userId, key]);
  const select = db.prepare("SELECT request_hash, state, status, body, created_at FROM idempotency_keys WHERE scope = ? AND user_id = ? AND key = ?");

  // The claim: one INSERT … ON CONFLICT DO NOTHING; whoever inserts the row runs fn.
  const claim = db.transaction((now: number) => {
    db.prepare("DELETE FROM idempotency_keys WHERE state != 'pending' AND updated_at < ?").run(now - KEEP_MS);
    const inserted = db
      .prepare(
        `INSERT INTO idempotency_keys (scope, user_id, key, request_hash, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(scope, userId, key, hash, now, now).changes === 1;
    return { inserted, row: select.get(scope, userId, key) as Row };
  });
  const { inserted, row } = claim.immediate(Date.now());

  if (!inserted) {
    if (row.request_hash !== hash)
      throw new ApiError("invalid_input", "This Idempotency-Key was already used for a different request. Use a new key for a new request.", {
        items: [{ code: "invalid_input", title: "Idempotency-Key reused", detail: "This Idempotency-Key was already used for a different request.", source: { parameter: "Idempotency-Key" } }],
      });
    const local = inflight.get(id);
    if (local) return { ...(await local), replayed: true };
    return waitForOutcome(() => select.get(scope, userId, key) as Row | undefined, (state, outcome) => store(scope, userId, key, state, outcome, true));
  }

  // No await between the INSERT above and this set: a duplicate in this process sees one or the other.
  const running = (async (): Promise<RunOnceResult> => {
    let state: StoredState;
    let outcome: Outcome;
    try {
      const result = await fn();
      state = result.outcome ?? (result.status < 400 ? "success" : "failure");
      outcome = { status: result.status, body: result.body };
    } catch (error) {
      if (error instanceof ApiError) {
        state = error.items.some((i) => i.code === "outcome_unknown") ? "unknown" : "failure";
        outcome = { status: error.status, body: error.toBody() };
      } else {
        state = "unknown";
        outcome = unknownOutcome();
      }
    }
    store(scope, userId, key, state, outcome, false);
    // The first caller gets exactly what replays will get (the JSON round trip included).
    return { ...outcome, body: JSON.parse(JSON.stringify(outcome.body ?? null)), outcome: state, replayed: false };
  })();
  inflight.set(id, running);
  try {
    return await running;
  } finally {
    inflight.delete(id);
  }
}

function store(scope: string, userId: string, key: string, state: StoredState, outcome: Outcome, onlyIfPending: boolean): void {
  getDb()
    .prepare(
      `UPDATE idempotency_keys SET state = ?, status = ?, body = ?, updated_at = ?
       WHERE scope = ? AND user_id = ? AND key = ?${onlyIfPending ? " AND state = 'pending'" : ""}`,
    )
    .run(state, outcome.status, JSON.stringify(outcome.body ?? null), Date.now(), scope, userId, key);
}

async function waitForOutcome(read: () => Row | undefined, markUnknown: (state: "unknown", o: Outcome) => void): Promise<RunOnceResult> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = read();
    if (!row) throw new ApiError("conflict", "The earlier request with this Idempotency-Key was discarded. Retry with a new key.");
    if (row.state !== "pending") return toResult(row, true);
    if (Date.now() - row.created_at > STALE_MS) {
      // Its process died mid-call: nobody knows whether the upstream call happened.
      markUnknown("unknown", unknownOutcome());
      continue;
    }
    if (Date.now() > deadline)
      throw new ApiError("conflict", "A request with this Idempotency-Key is still being processed. Try again shortly.");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
