// Approval requests in the database. A request's state only moves by compare-and-set
// (`update … where id = ? and status = <expected>`): whoever's update changes the row won; two
// approvers at once, on one instance or two, see exactly one winner.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import type { ApprovalTable } from "../db/schema";
import type { Approval, ApprovalKind, ApprovalPolicy, ApprovalState, Person } from "./describe";

export type { Approval, Person };

export const APPROVAL_TTL_MS = 24 * 60 * 60_000;
/** An approval still "executing" this long after it started lost its process: outcome unknown. */
export const EXECUTING_STUCK_MS = 15 * 60_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toApproval(r: ApprovalTable): Approval {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as ApprovalState,
    request: JSON.parse(r.request),
    seen: r.seen ? JSON.parse(r.seen) : null,
    idempotency_key: r.idempotency_key,
    requested_by: { id: r.requested_by, email: r.requested_email },
    requested_at: iso(r.requested_at)!,
    expires_at: iso(r.expires_at)!,
    decided_by: r.decided_by ? { id: r.decided_by, email: r.decided_email ?? "" } : null,
    decided_at: iso(r.decided_at),
    reason: r.reason,
    result: r.result ? JSON.parse(r.result) : null,
    finished_at: iso(r.finished_at),
  };
}

export interface NewApproval {
  kind: ApprovalKind;
  request: Record<string, unknown>;
  seen?: Record<string, unknown> | null;
  idempotencyKey?: string | null;
  by: Person;
}

/**
 * Stores a pending request, or returns the one this person already made with the same
 * Idempotency-Key (`created: false`): a retried POST never makes a second request.
 */
export async function insertApproval(input: NewApproval, now: number): Promise<{ approval: Approval; created: boolean }> {
  const d = await db();
  const row: ApprovalTable = {
    id: `apr_${randomUUID()}`,
    kind: input.kind,
    status: "pending",
    request: JSON.stringify(input.request),
    seen: input.seen ? JSON.stringify(input.seen) : null,
    idempotency_key: input.idempotencyKey ?? null,
    requested_by: input.by.id,
    requested_email: input.by.email.toLowerCase(),
    requested_at: now,
    expires_at: now + APPROVAL_TTL_MS,
    decided_by: null,
    decided_email: null,
    decided_at: null,
    reason: null,
    result: null,
    finished_at: null,
  };
  if (input.idempotencyKey) {
    const inserted = await d
      .insertInto("approval")
      .values(row)
      .onConflict((oc) => oc.columns(["requested_by", "kind", "idempotency_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await d
        .selectFrom("approval")
        .selectAll()
        .where("requested_by", "=", input.by.id)
        .where("kind", "=", input.kind)
        .where("idempotency_key", "=", input.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { approval: toApproval(existing), created: false };
    }
  } else {
    await d.insertInto("approval").values(row).execute();
  }
  return { approval: toApproval(row), created: true };
}

export async function findApproval(id: string): Promise<Approval | null> {
  const row = await (await db()).selectFrom("approval").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toApproval(row) : null;
}

export async function listApprovals(status: ApprovalState | undefined, limit = 200): Promise<Approval[]> {
  let q = (await db()).selectFrom("approval").selectAll();
  if (status) q = q.where("status", "=", status);
  return (await q.orderBy("requested_at", "desc").limit(limit).execute()).map(toApproval);
}

/** Compare-and-set: moves `id` from `from` to `to` with `fields`; true for the one caller whose update changed the row. */
export async function transition(
  id: string,
  from: ApprovalState,
  to: ApprovalState,
  fields: Partial<Pick<ApprovalTable, "decided_by" | "decided_email" | "decided_at" | "reason" | "result" | "finished_at">> = {},
): Promise<boolean> {
  const result = await (await db()).updateTable("approval").set({ ...fields, status: to }).where("id", "=", id).where("status", "=", from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Settles what time alone decides: pending requests past their 24 h become expired, and an
 * execution whose process died long ago becomes unknown. Returns the rows it moved.
 */
export async function settleByTime(now: number): Promise<{ expired: Approval[]; stuck: Approval[] }> {
  const d = await db();
  const due = await d.selectFrom("approval").selectAll().where("status", "=", "pending").where("expires_at", "<=", now).execute();
  const stuckRows = await d.selectFrom("approval").selectAll().where("status", "=", "executing").where("decided_at", "<=", now - EXECUTING_STUCK_MS).execute();
  const expired: Approval[] = [];
  const stuck: Approval[] = [];
  for (const r of due) if (await transition(r.id, "pending", "expired", { finished_at: now })) expired.push(toApproval(r));
  for (const r of stuckRows) if (await transition(r.id, "executing", "unknown", { finished_at: now })) stuck.push(toApproval(r));
  return { expired, stuck };
}

/** The policy row (id 1), or the default: nothing needs a second owner. */
export async function readPolicy(): Promise<ApprovalPolicy> {
  const row = await (await db()).selectFrom("approval_policy").selectAll().where("id", "=", 1).executeTakeFirst();
  return {
    payments_above: row?.payments_above === null || row?.payments_above === undefined ? null : String(row.payments_above),
    auto_recharge: Boolean(row?.auto_recharge),
    updated_at: iso(row?.updated_at ?? null),
    updated_by: row?.updated_by ?? null,
  };
}

export async function writePolicy(policy: { payments_above: string | null; auto_recharge: boolean }, by: string, now: number): Promise<void> {
  const values = { payments_above: policy.payments_above, auto_recharge: policy.auto_recharge ? 1 : 0, updated_at: now, updated_by: by };
  await (await db())
    .insertInto("approval_policy")
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
}
