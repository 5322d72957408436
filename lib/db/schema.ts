// Row types of the tables our own code queries through Kysely (better-auth queries its own
// tables through the same instance). The DDL is in ./migrations; the two must agree.
import type { ColumnType, Generated } from "kysely";

/** Epoch milliseconds: INTEGER on SQLite, BIGINT on Postgres (read back as numbers, see index.ts). */
type EpochMs = number;
/** An instant: ISO-8601 TEXT on SQLite, TIMESTAMPTZ on Postgres (a Date when read there). */
type Instant = ColumnType<string | Date, string | Date, string | Date>;

export interface ActionLogTable {
  id: Generated<number>;
  at: Instant;
  user_id: string | null;
  user_email: string | null;
  action: string;
  /** JSON text */
  params: string;
  outcome: "success" | "failure" | "unknown";
  error: string | null;
}

export interface LoginAttemptsTable {
  /** lower-cased, as typed */
  email: string;
  /** the client's address (lib/security/client.ts) */
  address: string;
  /** 1 a sign-in, 0 a failure */
  ok: number;
  at: EpochMs;
}

export interface IdempotencyKeysTable {
  scope: string;
  user_id: string;
  key: string;
  request_hash: string;
  /** "released": a definite refusal freed the key (lib/idempotency). */
  state: "pending" | "success" | "failure" | "unknown" | "released";
  status: number | null;
  /** JSON text */
  body: string | null;
  /** JSON text */
  headers: string | null;
  /** Who holds the claim: instance and boot (lib/idempotency). */
  owner_instance: string;
  owner_boot: string;
  /** The owner renews it while its call runs. */
  heartbeat_at: EpochMs;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface AppSecretTable {
  name: string;
  value: string;
}

/** better-auth's tables, as far as our own code (db:copy, tests) touches them. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  role: string;
  disabled: boolean | number | null;
}

export interface SessionTable {
  id: string;
  expiresAt: Instant;
  token: string;
  createdAt: Instant;
  updatedAt: Instant;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Instant | null;
  refreshTokenExpiresAt: Instant | null;
  scope: string | null;
  password: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Tables {
  action_log: ActionLogTable;
  login_attempts: LoginAttemptsTable;
  idempotency_keys: IdempotencyKeysTable;
  app_secret: AppSecretTable;
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
}
