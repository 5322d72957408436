// The dashboard's own action log: every write made through it (auto-recharge changes, payments,
// logins, logouts, failed logins, user management) with who, what, parameters and outcome.
// Telnyx's audit log only ever sees the API key, so this is where people are named.
import { db } from "../db";
import { scrubSecrets, scrubText } from "../security/scrub";

export type ActionOutcome = "success" | "failure" | "unknown";

export interface ActionInput {
  /** null for the users CLI or the server itself; id null for a failed login (email as typed). */
  user: { id: string | null; email: string; token?: { id: string; name: string } } | null;
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
export async function recordAction(input: ActionInput): Promise<void> {
  try {
    await (await db())
      .insertInto("action_log")
      .values({
        at: new Date().toISOString(),
        user_id: input.user?.id ?? null,
        user_email: input.user?.email.toLowerCase() ?? null,
        action: input.action,
        // A write made with an API token names the token beside its creator.
        params: JSON.stringify(scrubSecrets({ ...(input.params ?? {}), ...(input.user?.token ? { api_client: input.user.token.name } : {}) })),
        outcome: input.outcome,
        error: input.error === undefined ? null : scrubText(input.error).slice(0, 1000),
      })
      .execute();
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
export async function listActions(query: ActionQuery): Promise<{ items: ActionEntry[]; total: number }> {
  let base = (await db()).selectFrom("action_log");
  if (query.userEmail) base = base.where("user_email", "=", query.userEmail.toLowerCase());
  if (query.action) base = base.where("action", "=", query.action);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.selectAll().orderBy("id", "desc").limit(query.limit).offset(query.offset).execute(),
  ]);
  return {
    total: Number(n),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      userEmail: r.user_email,
      action: r.action,
      params: JSON.parse(r.params) as Record<string, unknown>,
      outcome: r.outcome,
      error: r.error,
    })),
  };
}
