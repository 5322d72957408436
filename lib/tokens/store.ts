// API tokens for scripts (issue #15). A token is "tbd_" + 43 base64url characters (256 random
// bits); only its SHA-256 is stored, so the database never holds one in clear and a lookup is one
// indexed equality. Every request reads the row again: a revocation on any instance refuses the
// token on every instance at the next request. The rate limit counts per token per minute where
// every instance sees it: in Redis when REDIS_URL is set, else in the database (api_token_rate).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db } from "../db";
import type { ApiTokenTable } from "../db/schema";
import { isRole, type Role } from "../auth/roles";
import { sharedRedis, type SharedRedis } from "../shared/redis";

export const TOKEN_PREFIX = "tbd_";
export const TOKEN_RATE_PER_MINUTE = 600;
/** Characters of the token kept in clear to recognise it in a list ("tbd_" + 8). */
const SHOWN_CHARS = TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^tbd_[A-Za-z0-9_-]{43}$/;

export type TokenScope = "read" | "write";

export interface TokenInfo {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scope: TokenScope;
  user_id: string;
  user_email: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  last_address: string | null;
  status: "active" | "expired" | "revoked";
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function toInfo(row: ApiTokenTable, now: number): TokenInfo {
  const status = row.revoked_at !== null ? "revoked" : row.expires_at !== null && Number(row.expires_at) <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role,
    scope: row.scope,
    user_id: row.user_id,
    user_email: row.user_email,
    created_at: iso(row.created_at)!,
    expires_at: iso(row.expires_at),
    revoked_at: iso(row.revoked_at),
    last_used_at: iso(row.last_used_at),
    last_address: row.last_address,
    status,
  };
}

export interface NewToken {
  name: string;
  role: Role;
  scope: TokenScope;
  expiresAt: number | null;
}

/** Creates a token for `user`; the clear token is in the answer only. */
export async function createToken(user: { id: string; email: string }, input: NewToken, now = Date.now()): Promise<TokenInfo & { token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row: ApiTokenTable = {
    id: `tok_${randomUUID()}`,
    name: input.name,
    prefix: token.slice(0, SHOWN_CHARS),
    hash: hashToken(token),
    user_id: user.id,
    user_email: user.email.toLowerCase(),
    role: input.role,
    scope: input.scope,
    created_at: now,
    expires_at: input.expiresAt,
    revoked_at: null,
    revoked_by: null,
    last_used_at: null,
    last_address: null,
  };
  await (await db()).insertInto("api_token").values(row).execute();
  return { ...toInfo(row, now), token };
}

/** A user's own tokens, or everyone's (`userId` undefined), newest first. */
export async function listTokens(userId: string | undefined, now = Date.now()): Promise<TokenInfo[]> {
  let q = (await db()).selectFrom("api_token").selectAll();
  if (userId !== undefined) q = q.where("user_id", "=", userId);
  return (await q.orderBy("created_at", "desc").execute()).map((r) => toInfo(r, now));
}

export async function getToken(id: string, now = Date.now()): Promise<TokenInfo | null> {
  const row = await (await db()).selectFrom("api_token").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toInfo(row, now) : null;
}

/** Revokes a token (idempotent: a revoked one keeps its first revocation time). */
export async function revokeToken(id: string, by: string, now = Date.now()): Promise<void> {
  await (await db()).updateTable("api_token").set({ revoked_at: now, revoked_by: by }).where("id", "=", id).where("revoked_at", "is", null).execute();
}

/** Revokes every token a user created (they were signed out everywhere, or disabled). */
export async function revokeUserTokens(userId: string, by: string, now = Date.now()): Promise<number> {
  const result = await (await db())
    .updateTable("api_token")
    .set({ revoked_at: now, revoked_by: by })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface TokenPrincipal {
  tokenId: string;
  tokenName: string;
  scope: TokenScope;
  role: Role;
  user: { id: string; email: string; name: string };
}

export type TokenCheck = { ok: true; principal: TokenPrincipal } | { ok: false; reason: "unknown" | "revoked" | "expired" | "user" };

/**
 * The token's principal, read from the database on every call. The token acts for its creator
 * with the token's role, never more than the creator has now: a creator since demoted to finance
 * gets a finance token, a disabled or removed creator none.
 */
export async function authenticateToken(token: string, address: string, now = Date.now()): Promise<TokenCheck> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "unknown" };
  const k = await db();
  const row = await k
    .selectFrom("api_token")
    .innerJoin("user", "user.id", "api_token.user_id")
    .select([
      "api_token.id",
      "api_token.name",
      "api_token.role",
      "api_token.scope",
      "api_token.expires_at",
      "api_token.revoked_at",
      "api_token.last_used_at",
      "api_token.last_address",
      "user.id as uid",
      "user.email",
      "user.name as user_name",
      "user.role as user_role",
      "user.disabled",
    ])
    .where("api_token.hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revoked_at !== null) return { ok: false, reason: "revoked" };
  if (row.expires_at !== null && Number(row.expires_at) <= now) return { ok: false, reason: "expired" };
  if (row.disabled || !isRole(row.user_role) || !isRole(row.role)) return { ok: false, reason: "user" };
  const role: Role = row.user_role === "owner" ? row.role : "finance";
  // Last use: written at most every 10 s per token (or when the address changes), not on every call.
  if (row.last_used_at === null || now - Number(row.last_used_at) > 10_000 || row.last_address !== address) {
    await k.updateTable("api_token").set({ last_used_at: now, last_address: address }).where("id", "=", row.id).execute();
  }
  return {
    ok: true,
    principal: { tokenId: row.id, tokenName: row.name, scope: row.scope, role, user: { id: row.uid, email: row.email, name: row.user_name } },
  };
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the minute's window ends (for Retry-After). */
  retryAfterS: number;
  count: number;
}

export interface RateCounter {
  /** Adds one request in the window starting at `windowStart`; the window's count after it. */
  increment(tokenId: string, windowStart: number): Promise<number>;
}

/** The counter in the database: one row per token per minute, every instance adding to it. */
export const databaseRateCounter: RateCounter = {
  async increment(tokenId, windowStart) {
    const k = await db();
    const row = await k
      .insertInto("api_token_rate")
      .values({ token_id: tokenId, window_start: windowStart, count: 1 })
      .onConflict((oc) => oc.columns(["token_id", "window_start"]).doUpdateSet({ count: sql<number>`api_token_rate.count + 1` }))
      .returning("count")
      .executeTakeFirstOrThrow();
    // Old windows are of no use: dropped now and then by whoever opens a new one.
    if (Number(row.count) === 1) await k.deleteFrom("api_token_rate").where("window_start", "<", windowStart - 60_000).execute();
    return Number(row.count);
  },
};

/** Fixed one-minute windows: at most `limit` requests per token in each. */
export async function checkTokenRate(
  tokenId: string,
  counter: RateCounter,
  now = Date.now(),
  limit = TOKEN_RATE_PER_MINUTE,
): Promise<RateDecision> {
  const windowStart = Math.floor(now / 60_000) * 60_000;
  const count = await counter.increment(tokenId, windowStart);
  return { allowed: count <= limit, count, retryAfterS: Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000)) };
}

/**
 * The counter in Redis (INCR with a two-minute expiry), when REDIS_URL is set and Redis answers;
 * while it does not, the database's. Either way every instance counts into the same number.
 */
export function sharedRateCounter(redis: SharedRedis | null = sharedRedis()): RateCounter {
  return {
    async increment(tokenId, windowStart) {
      const r = redis?.available();
      if (r) {
        try {
          const key = r.key("token-rate", tokenId, String(windowStart));
          const [[, count]] = (await r.client.multi().incr(key).pexpire(key, 120_000).exec()) as [[unknown, number]];
          return Number(count);
        } catch (error) {
          redis!.failed(error);
        }
      }
      return databaseRateCounter.increment(tokenId, windowStart);
    },
  };
}
