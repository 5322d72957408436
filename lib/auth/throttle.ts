// Login throttling, all in the database (a restart resets nothing). Failures are counted by
// (email, address), by address and by email, each in its own window:
//   10 per (email, address) per 15 min lock that pair: a guesser, not the account's owner;
//   50 per address per 15 min slow one address spraying many emails;
//   100 per email per hour slow many addresses spraying one email, except from an address that
//   signed in to that email before (within 30 days), so nobody can lock its owner out.
// Over a limit, attempts get 429 + Retry-After until the oldest counted failure ages out.
// The whole SQL surface is the five statements below, on one table (login_attempts).
import { getDb } from "../db";

const MINUTE = 60_000;
export const LOGIN_LIMITS = {
  pair: { max: 10, windowMs: 15 * MINUTE },
  address: { max: 50, windowMs: 15 * MINUTE },
  email: { max: 100, windowMs: 60 * MINUTE },
} as const;
/** How long a successful sign-in exempts its address from the per-email limit. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;
type Scope = keyof typeof LOGIN_LIMITS;

// The failure that must age out before one more attempt is allowed: the max-th most recent.
const NTH_FAILURE: Record<Scope, string> = {
  pair: "SELECT at FROM login_attempts WHERE ok = 0 AND email = ? AND address = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?",
  address: "SELECT at FROM login_attempts WHERE ok = 0 AND address = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?",
  email: "SELECT at FROM login_attempts WHERE ok = 0 AND email = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?",
};
const KNOWN_ADDRESS = "SELECT 1 FROM login_attempts WHERE ok = 1 AND email = ? AND address = ? AND at > ? LIMIT 1";
const INSERT = "INSERT INTO login_attempts (email, address, ok, at) VALUES (?, ?, ?, ?)";
const FORGET_PAIR = "DELETE FROM login_attempts WHERE email = ? AND address = ?";
const PRUNE = "DELETE FROM login_attempts WHERE (ok = 0 AND at <= ?) OR (ok = 1 AND at <= ?)";

const normalize = (email: string) => email.trim().toLowerCase();

/** Seconds to wait before another attempt from `address` at `email`, or 0 when allowed. */
export function loginRetryAfter(email: string, address: string, now = Date.now()): number {
  const db = getDb();
  const e = normalize(email);
  const keys: Record<Scope, unknown[]> = { pair: [e, address], address: [address], email: [e] };
  const known = db.prepare(KNOWN_ADDRESS).get(e, address, now - KNOWN_ADDRESS_MS) !== undefined;
  let waitMs = 0;
  for (const scope of Object.keys(LOGIN_LIMITS) as Scope[]) {
    if (scope === "email" && known) continue;
    const { max, windowMs } = LOGIN_LIMITS[scope];
    const row = db.prepare(NTH_FAILURE[scope]).get(...keys[scope], now - windowMs, max - 1) as { at: number } | undefined;
    if (row) waitMs = Math.max(waitMs, row.at + windowMs - now);
  }
  return Math.ceil(waitMs / 1000);
}

export function recordLoginFailure(email: string, address: string, now = Date.now()): void {
  const db = getDb();
  db.transaction(() => {
    db.prepare(INSERT).run(normalize(email), address, 0, now);
    db.prepare(PRUNE).run(now - LOGIN_LIMITS.email.windowMs, now - KNOWN_ADDRESS_MS);
  })();
}

/** After a successful login: that pair starts afresh, and the address is known for the email. */
export function recordLoginSuccess(email: string, address: string, now = Date.now()): void {
  const db = getDb();
  db.transaction(() => {
    db.prepare(FORGET_PAIR).run(normalize(email), address);
    db.prepare(INSERT).run(normalize(email), address, 1, now);
  })();
}
