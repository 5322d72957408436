// Payments happen once. The first request with a given (scope, user, Idempotency-Key) claims the
// key atomically; its outcome is stored and every later request with that key gets the stored
// outcome back without running anything. A duplicate that arrives while the first is still
// running waits for it: through an in-process promise when both hit this server, by polling the
// claim when they hit different processes.
//
// Each claim names its owner (instance + boot) and carries a heartbeat the owner renews while it
// works. A claim whose owner is gone (an earlier boot of this instance, or no heartbeat for
// STALE_MS) is settled as "unknown" at once: nobody knows whether its upstream call happened, so it
// is never run again. A definite refusal (nothing was done) releases the key instead, so a retry
// with the same key after, say, a 429 can still succeed.
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { ApiError, isOutcomeUnknown, outcomeUnknown } from "../api/errors";
import { databaseClaimStore, type Claim, type ClaimId, type ClaimOwner, type ClaimStore, type SettledState, type StoredOutcome } from "./store";

export type { ClaimOwner, ClaimStore } from "./store";

export interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
export type StoredState = SettledState;
export interface RunOnceResult extends Outcome {
  headers: Record<string, string>;
  replayed: boolean;
  outcome: StoredState;
}

export const IDEMPOTENCY_TIMING = {
  /** How long a duplicate waits for a live owner before giving up with 409. */
  waitMs: 90_000,
  pollMs: 50,
  /** The owner renews its heartbeat this often while its call runs. */
  heartbeatMs: 5_000,
  /** A pending claim with no heartbeat for this long was orphaned (its process died mid-call). */
  staleMs: 15_000,
  /** Settled outcomes are kept this long; a key reused later starts afresh. */
  keepMs: 24 * 60 * 60_000,
};

export interface IdempotencyDeps {
  store: ClaimStore;
  owner: ClaimOwner;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Calls `fn` every `ms` until the returned stop function is called. */
  every: (ms: number, fn: () => void) => () => void;
}

const g = globalThis as typeof globalThis & {
  __idempotencyInflight?: Map<string, Promise<RunOnceResult>>;
  __idempotencyBoot?: string;
};
const inflight = (g.__idempotencyInflight ??= new Map());

/**
 * This process. The instance id survives restarts (INSTANCE_ID, else host and port), the boot id
 * does not: a pending claim of this instance from another boot died with that boot. On globalThis,
 * as Next may load this module once per route bundle.
 */
export function processOwner(env: Record<string, string | undefined> = process.env): ClaimOwner {
  return {
    instance: env.INSTANCE_ID?.trim() || `${hostname()}:${env.PORT ?? "3000"}`,
    boot: (g.__idempotencyBoot ??= randomUUID()),
  };
}

export const defaultDeps = (): IdempotencyDeps => ({
  store: databaseClaimStore(),
  owner: processOwner(),
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
});

/** The same Idempotency-Key sent again with a different request (422; nothing was done). */
export function keyReused(): ApiError {
  return new ApiError("invalid_input", "This Idempotency-Key was already used for a different request. Use a new key for a new request.", {
    items: [{ code: "invalid_input", title: "Idempotency-Key reused", detail: "This Idempotency-Key was already used for a different request.", source: { parameter: "Idempotency-Key" } }],
  });
}

/** A stable hash of the request, so a key reused for a different request is caught. */
function fingerprint(request: unknown): string {
  const stable = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
      : Array.isArray(v) ? v.map(stable) : v;
  return createHash("sha256").update(JSON.stringify(stable(request ?? null)) ?? "null").digest("hex");
}

const unknownOutcome = (): StoredOutcome => {
  const error = outcomeUnknown();
  return { status: error.status, body: error.toBody(), headers: {} };
};

/** How `fn` ended, as what to store: an outcome and its state. */
async function settleFn(fn: () => Promise<Outcome & { outcome?: StoredState }>): Promise<{ state: StoredState; outcome: StoredOutcome }> {
  try {
    const result = await fn();
    return {
      state: result.outcome ?? (result.status < 400 ? "success" : "failure"),
      outcome: { status: result.status, body: result.body, headers: result.headers ?? {} },
    };
  } catch (error) {
    if (!(error instanceof ApiError)) return { state: "unknown", outcome: unknownOutcome() };
    const state: StoredState = isOutcomeUnknown(error) ? "unknown" : error.notApplied ? "released" : "failure";
    return { state, outcome: { status: error.status, body: error.toBody(), headers: error.headers } };
  }
}

function replay(claim: Claim): RunOnceResult {
  if (claim.state === "pending" || !claim.outcome) throw new Error("outcome not stored yet");
  return { ...claim.outcome, outcome: claim.state, replayed: true };
}

/**
 * Runs `fn` at most once per (scope, userId, key) and returns its outcome, or the stored outcome
 * of the first request with that key (`replayed: true`). `request` is the request's input (the
 * parsed body): the same key with a different input is a 422. `fn` may return
 * `outcome: "unknown"`; a thrown ApiError is stored as its error response ("unknown" when its
 * outcome is unknown, released when it proves nothing was done), anything else thrown as unknown.
 */
export async function runOnce(
  scope: string,
  key: string,
  userId: string,
  fn: () => Promise<Outcome & { outcome?: StoredState }>,
  request?: unknown,
  deps: IdempotencyDeps = defaultDeps(),
): Promise<RunOnceResult> {
  if (!key || key.length > 255)
    throw new ApiError("invalid_input", "An Idempotency-Key header (1 to 255 characters) is required.", {
      items: [{ code: "invalid_input", title: "Invalid input", detail: "Idempotency-Key header is required", source: { parameter: "Idempotency-Key" } }],
    });
  const { store, owner, now } = deps;
  const id: ClaimId = { scope, userId, key };
  const localId = JSON.stringify([scope, userId, key]);
  const hash = fingerprint(request);

  await store.purge(now() - IDEMPOTENCY_TIMING.keepMs);
  const { claimed, claim } = await store.claim(id, hash, owner, now());

  if (!claimed) {
    if (claim.requestHash !== hash) throw keyReused();
    const local = inflight.get(localId);
    if (local) return { ...(await local), replayed: true };
    return waitForOutcome(id, claim, deps);
  }

  // No await between the claim above and this set: a duplicate in this process sees one or the other.
  const running = (async (): Promise<RunOnceResult> => {
    const stop = deps.every(IDEMPOTENCY_TIMING.heartbeatMs, () => void store.heartbeat(id, owner, now()).catch(() => undefined));
    let settled: Awaited<ReturnType<typeof settleFn>>;
    try {
      settled = await settleFn(fn);
    } finally {
      stop();
    }
    await store.settle(id, settled.state, settled.outcome, now(), { owner });
    // The first caller gets exactly what replays will get (the JSON round trip included).
    const body = JSON.parse(JSON.stringify(settled.outcome.body ?? null));
    return { ...settled.outcome, body, outcome: settled.state, replayed: false };
  })();
  inflight.set(localId, running);
  try {
    return await running;
  } finally {
    inflight.delete(localId);
  }
}

/** Whether a pending claim's owner is gone: an earlier boot of this instance, or silent too long. */
export function ownerGone(claim: Claim, self: ClaimOwner, now: number): boolean {
  const earlierBoot = claim.owner.instance === self.instance && claim.owner.boot !== self.boot;
  return earlierBoot || now - claim.heartbeatAt > IDEMPOTENCY_TIMING.staleMs;
}

async function waitForOutcome(id: ClaimId, first: Claim, deps: IdempotencyDeps): Promise<RunOnceResult> {
  const { store, owner, now } = deps;
  const deadline = now() + IDEMPOTENCY_TIMING.waitMs;
  let claim: Claim | undefined = first;
  for (;;) {
    if (!claim) throw new ApiError("conflict", "The earlier request with this Idempotency-Key was discarded. Retry with a new key.");
    // Released: the first request was refused and nothing was done; its waiters get its answer.
    if (claim.state !== "pending") return replay(claim);
    if (ownerGone(claim, owner, now())) {
      // Nobody knows whether its upstream call happened: unknown, and never run again. Only one
      // waiter decides (the update expects the heartbeat it saw); the others read what it stored.
      await store.settle(id, "unknown", unknownOutcome(), now(), { owner: claim.owner, pendingHeartbeatAt: claim.heartbeatAt });
    } else {
      if (now() > deadline)
        throw new ApiError("conflict", "A request with this Idempotency-Key is still being processed. Try again shortly.");
      await deps.sleep(IDEMPOTENCY_TIMING.pollMs);
    }
    claim = await store.get(id);
  }
}
