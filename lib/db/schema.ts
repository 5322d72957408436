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

/** The ledger (migrations/0002_ledger.ts). Booleans are 0/1 on SQLite. */
export interface LedgerStreamTable {
  stream: string;
  cursor: string | null;
  last_run_at: EpochMs | null;
  last_success_at: EpochMs | null;
  last_error: string | null;
  last_error_at: EpochMs | null;
  paused_until: EpochMs | null;
  requested_at: EpochMs | null;
  lease_holder: string | null;
  lease_expires_at: EpochMs | null;
}
export interface LedgerCallTable {
  id: Generated<number>;
  at: EpochMs;
  stream: string;
}
export interface LedgerBalanceTable {
  at: EpochMs;
  balance: string;
  available_credit: string;
  pending: string;
  credit_limit: string;
  currency: string;
}
export interface LedgerChargesMonthTable {
  month: string;
  currency: string;
  grand_total: string;
  summary: string;
  breakdown: string | null;
  frozen: boolean | number;
  fetched_at: EpochMs;
}
export interface LedgerInvoiceTable {
  id: string;
  file_id: string | null;
  period_start: string;
  period_end: string;
  paid: boolean | number;
  seen_at: EpochMs;
}
export interface LedgerInvoicePdfTable {
  invoice_id: string;
  bytes: Uint8Array;
  sha256: string;
  size: number;
  archived_at: EpochMs;
}
export interface LedgerAuditEventTable {
  id: string;
  created_at: EpochMs;
  record_type: string | null;
  resource_id: string | null;
  change_type: string | null;
  body: string;
  search_text: string;
}
export interface LedgerWebhookDeliveryTable {
  id: string;
  started_at: EpochMs | null;
  finished_at: EpochMs | null;
  status: string;
  event_type: string | null;
  url: string | null;
  attempt_count: number;
  body: string;
  search_text: string;
}
export interface LedgerUsageTypeTable {
  day: string;
  record_type: string;
  currency: string;
  count: number;
  cost: string;
}
export interface LedgerUsageTagTable extends LedgerUsageTypeTable {
  tag: string;
}

/** Alerts and the outbox (migrations/0003_alerts.ts). */
export interface AlertRuleTable {
  id: string;
  name: string;
  kind: string;
  params: string;
  channels: string;
  renotify_hours: number;
  muted_until: EpochMs | null;
  /** 0 or 1 (integer on both engines) */
  builtin: number;
  state: "ok" | "firing";
  level: number;
  version: number;
  episode_started_at: EpochMs | null;
  last_notified_at: EpochMs | null;
  last_evaluated_at: EpochMs | null;
  created_at: EpochMs;
}
export interface AlertEventTable {
  id: string;
  rule_id: string;
  type: "fired" | "resolved" | "test";
  at: EpochMs;
  figures: string;
  rule_version: number;
}
export interface OutboxTable {
  id: string;
  topic: string;
  ref: string | null;
  channel: string;
  channel_label: string;
  message: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  next_attempt_at: EpochMs;
  lease_holder: string | null;
  lease_expires_at: EpochMs | null;
  last_error: string | null;
  created_at: EpochMs;
  sent_at: EpochMs | null;
}
export interface OutboxAttemptTable {
  id: Generated<number>;
  outbox_id: string;
  at: EpochMs;
  /** 0 or 1 */
  ok: number;
  error: string | null;
}

/** Controls (migrations/0004_controls.ts). */
export interface ApiTokenTable {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  user_id: string;
  user_email: string;
  role: string;
  scope: "read" | "write";
  created_at: EpochMs;
  expires_at: EpochMs | null;
  revoked_at: EpochMs | null;
  revoked_by: string | null;
  last_used_at: EpochMs | null;
  last_address: string | null;
}
export interface ApiTokenRateTable {
  token_id: string;
  window_start: EpochMs;
  count: number;
}
export interface ApprovalTable {
  id: string;
  kind: "payment" | "auto_recharge" | "policy";
  status: string;
  request: string;
  seen: string | null;
  idempotency_key: string | null;
  requested_by: string;
  requested_email: string;
  requested_at: EpochMs;
  expires_at: EpochMs;
  decided_by: string | null;
  decided_email: string | null;
  decided_at: EpochMs | null;
  reason: string | null;
  result: string | null;
  finished_at: EpochMs | null;
}
export interface ApprovalPolicyTable {
  id: number;
  payments_above: string | null;
  /** 0 or 1 */
  auto_recharge: number;
  updated_at: EpochMs;
  updated_by: string | null;
}

export interface MonthCloseTable {
  month: string;
  closed_at: EpochMs;
  closed_by: string;
  status: string;
  manifest: string;
  figures: string;
}
export interface MonthCloseFileTable {
  month: string;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  size: number;
  rows: number | null;
}
export interface MonthCloseChangeTable {
  id: Generated<number>;
  month: string;
  detected_at: EpochMs;
  item: string;
  closed_value: string;
  current_value: string;
}

export interface Tables {
  api_token: ApiTokenTable;
  api_token_rate: ApiTokenRateTable;
  approval: ApprovalTable;
  approval_policy: ApprovalPolicyTable;
  month_close: MonthCloseTable;
  month_close_file: MonthCloseFileTable;
  month_close_change: MonthCloseChangeTable;
  alert_rule: AlertRuleTable;
  alert_event: AlertEventTable;
  outbox: OutboxTable;
  outbox_attempt: OutboxAttemptTable;
  ledger_stream: LedgerStreamTable;
  ledger_call: LedgerCallTable;
  ledger_balance: LedgerBalanceTable;
  ledger_charges_month: LedgerChargesMonthTable;
  ledger_invoice: LedgerInvoiceTable;
  ledger_invoice_pdf: LedgerInvoicePdfTable;
  ledger_audit_event: LedgerAuditEventTable;
  ledger_webhook_delivery: LedgerWebhookDeliveryTable;
  ledger_usage_type: LedgerUsageTypeTable;
  ledger_usage_tag: LedgerUsageTagTable;
  action_log: ActionLogTable;
  login_attempts: LoginAttemptsTable;
  idempotency_keys: IdempotencyKeysTable;
  app_secret: AppSecretTable;
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
}
