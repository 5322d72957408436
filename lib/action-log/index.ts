// The dashboard's own action log: every write made through it (auto-recharge changes, payments,
// logins, logouts, failed logins, user management) with who, what, parameters and outcome.
// Telnyx's audit log only ever sees the API key, so this is where people are named.
import { getDb } from "../db";
import { scrubSecrets, scrubText } from "../security/scrub";

export type ActionOutcome = "success" | "failure" | "unknown";

export interface ActionInput {
  /** null for the users CLI or the server itself; id null for a failed login (email as typed). */
  user: { id: string | null; email: string } | null;
  /** e.g. "login", "logout", "payment.create", "auto_recharge.update", "user.add". */
  action: string;
  params?: Record<string, unknown>;
  outcome: ActionOutcome;
  error?: string;
}

export interface ActionEntry {
  id: number;
  at: string;
  userId: string | null;
  userEmail: string | null;
  action: string;
  params: Record<string, unknown>;
  outcome: ActionOutcome;
  error: string | null;
}

/** Never throws: a write that succeeded upstream must not turn into an error (and a retry). */
export function recordAction(input: ActionInput): void {
  try {
    getDb()
      .prepare(
        `INSERT INTO action_log (at, user_id, user_email, action, params, outcome, error)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        new Date().toISOString(),
        input.user?.id ?? null,
        input.user?.email.toLowerCase() ?? null,
        input.action,
        JSON.stringify(scrubSecrets(input.params ?? {})),
        input.outcome,
        input.error === undefined ? null : scrubText(input.error).slice(0, 1000),
      );
  } catch (err) {
    console.error(`action log: could not record ${input.action}: ${scrubText((err as Error).message)}`);
  }
}

export interface ActionQuery {
  userEmail?: string;
  action?: string;
  limit: number;
  offset: number;
}

/** Newest first, with the total count matching the filters. */
export function listActions(query: ActionQuery): { items: ActionEntry[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (query.userEmail) {
    where.push("user_email = ?");
    args.push(query.userEmail.toLowerCase());
  }
  if (query.action) {
    where.push("action = ?");
    args.push(query.action);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const db = getDb();
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM action_log ${clause}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM action_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, query.limit, query.offset) as Array<{
    id: number;
    at: string;
    user_id: string | null;
    user_email: string | null;
    action: string;
    params: string;
    outcome: ActionOutcome;
    error: string | null;
  }>;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userEmail: r.user_email,
      action: r.action,
      params: JSON.parse(r.params) as Record<string, unknown>,
      outcome: r.outcome,
      error: r.error,
    })),
  };
}
