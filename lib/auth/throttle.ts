// Login throttling, all in the database (a restart resets nothing). Failures are counted by
// (email, address), by address and by email, each in its own window:
//   10 per (email, address) per 15 min lock that pair: a guesser, not the account's owner;
//   50 per address per 15 min slow one address spraying many emails;
//   100 per email per hour slow many addresses spraying one email, except from an address that
//   signed in to that email before (within 30 days), so nobody can lock its owner out.
// Over a limit, attempts get 429 + Retry-After until the oldest counted failure ages out.
// The whole query surface is the three functions below, on one table (login_attempts).
import { db } from "../db";

const MINUTE = 60_000;
export const LOGIN_LIMITS = {
  pair: { max: 10, windowMs: 15 * MINUTE },
  address: { max: 50, windowMs: 15 * MINUTE },
  email: { max: 100, windowMs: 60 * MINUTE },
} as const;
/** How long a successful sign-in exempts its address from the per-email limit. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;
type Scope = keyof typeof LOGIN_LIMITS;

const normalize = (email: string) => email.trim().toLowerCase();

/** Seconds to wait before another attempt from `address` at `email`, or 0 when allowed. */
export async function loginRetryAfter(email: string, address: string, now = Date.now()): Promise<number> {
  const kysely = await db();
  const e = normalize(email);
  const known = await kysely
    .selectFrom("login_attempts")
    .select("at")
    .where("ok", "=", 1)
    .where("email", "=", e)
    .where("address", "=", address)
    .where("at", ">", now - KNOWN_ADDRESS_MS)
    .limit(1)
    .executeTakeFirst();
  let waitMs = 0;
  for (const scope of Object.keys(LOGIN_LIMITS) as Scope[]) {
    if (scope === "email" && known) continue;
    const { max, windowMs } = LOGIN_LIMITS[scope];
    // The failure that must age out before one more attempt is allowed: the max-th most recent.
    let q = kysely.selectFrom("login_attempts").select("at").where("ok", "=", 0).where("at", ">", now - windowMs);
    if (scope !== "address") q = q.where("email", "=", e);
    if (scope !== "email") q = q.where("address", "=", address);
    const row = await q.orderBy("at", "desc").limit(1).offset(max - 1).executeTakeFirst();
    if (row) waitMs = Math.max(waitMs, Number(row.at) + windowMs - now);
  }
  return Math.ceil(waitMs / 1000);
}

export async function recordLoginFailure(email: string, address: string, now = Date.now()): Promise<void> {
  await (await db()).transaction().execute(async (trx) => {
    await trx.insertInto("login_attempts").values({ email: normalize(email), address, ok: 0, at: now }).execute();
    await trx
      .deleteFrom("login_attempts")
      .where((eb) =>
        eb.or([
          eb.and([eb("ok", "=", 0), eb("at", "<=", now - LOGIN_LIMITS.email.windowMs)]),
          eb.and([eb("ok", "=", 1), eb("at", "<=", now - KNOWN_ADDRESS_MS)]),
        ]),
      )
      .execute();
  });
}

/** After a successful login: that pair starts afresh, and the address is known for the email. */
export async function recordLoginSuccess(email: string, address: string, now = Date.now()): Promise<void> {
  await (await db()).transaction().execute(async (trx) => {
    await trx.deleteFrom("login_attempts").where("email", "=", normalize(email)).where("address", "=", address).execute();
    await trx.insertInto("login_attempts").values({ email: normalize(email), address, ok: 1, at: now }).execute();
  });
}
