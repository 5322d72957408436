// Login throttling: after 10 failed logins in 15 minutes for one email, or from one client
// address, further attempts get 429 + Retry-After until the oldest of those failures ages out.
// Failures are rows in SQLite, so a restart doesn't reset the count.
import { getDb } from "../db";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

const subjects = (email: string, ip: string) => [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry. (`next start`
 * fills the header from the socket only when absent, so a client talking to Next directly can
 * choose it; the per-email limit still holds then.)
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/** Seconds to wait before another attempt, or 0 when allowed. */
export function loginRetryAfter(email: string, ip: string, now = Date.now()): number {
  const stmt = getDb().prepare(
    // The MAX_FAILURES-th most recent failure in the window: once it ages out, one slot frees up.
    "SELECT at FROM login_failures WHERE subject = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?",
  );
  let waitMs = 0;
  for (const subject of subjects(email, ip)) {
    const row = stmt.get(subject, now - WINDOW_MS, MAX_FAILURES - 1) as { at: number } | undefined;
    if (row) waitMs = Math.max(waitMs, row.at + WINDOW_MS - now);
  }
  return Math.ceil(waitMs / 1000);
}

export function recordLoginFailure(email: string, ip: string, now = Date.now()): void {
  const db = getDb();
  const insert = db.prepare("INSERT INTO login_failures (subject, at) VALUES (?, ?)");
  db.transaction(() => {
    for (const subject of subjects(email, ip)) insert.run(subject, now);
    db.prepare("DELETE FROM login_failures WHERE at <= ?").run(now - WINDOW_MS);
  })();
}

/** After a successful login: that email starts afresh (the address keeps its count). */
export function clearLoginFailures(email: string): void {
  getDb().prepare("DELETE FROM login_failures WHERE subject = ?").run(subjects(email, "")[0]);
}
