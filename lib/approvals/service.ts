import "server-only";
// Two-person approval (issue #15). With a policy in force, a payment above the limit, an
// auto-recharge change or a change of the policy itself becomes a pending request; another owner
// approves (it then runs, once) or rejects; the requester may cancel; it expires after 24 h.
// Payments run through createPaymentOnce with the requester's Idempotency-Key, so the charge
// happens at most once however many instances try. An auto-recharge diff is applied only while
// Telnyx still shows what the requester saw; otherwise the request ends `stale`.
import { drainNow } from "@/lib/alerts/job";
import { recordAction } from "@/lib/action-log";
import { audited } from "@/lib/api/audited";
import { ApiError, isOutcomeUnknown, outcomeUnknown } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import { createPaymentOnce } from "@/lib/billing/payments";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { Big } from "@/lib/money";
import { keyReused } from "@/lib/idempotency";
import { enqueue } from "@/lib/outbox";
import type { AutoRechargeUpdate } from "@/lib/telnyx/schemas/auto-recharge";
import type { PaymentRequest } from "@/lib/telnyx/schemas/payments";
import { runOperation } from "@/lib/telnyx/run";
import { describeRequest, type ApprovalState } from "./describe";
import type { PolicyInput } from "./schemas";
import { findApproval, insertApproval, listApprovals, readPolicy, settleByTime, transition, writePolicy, type Approval } from "./store";

export interface ApprovalDeps {
  now: () => number;
  smtpUrl?: string;
}
export const defaultApprovalDeps = (): ApprovalDeps => ({ now: Date.now, smtpUrl: process.env.SMTP_URL });

const person = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

/** The answer to a request that now waits for a second owner. */
export function pendingResponse(approval: Approval): Response {
  return Response.json({ data: { approval_id: approval.id, ...approval } }, { status: 202, headers: { "cache-control": "private, no-store" } });
}

async function activeOwners() {
  return (await listUsers()).filter((u) => u.role === "owner" && !u.disabled);
}

const needsSecondOwner = (p: { payments_above: string | null; auto_recharge: boolean }) => p.payments_above !== null || p.auto_recharge;

async function assertTwoOwners(policy: PolicyInput) {
  if (!needsSecondOwner(policy)) return;
  if ((await activeOwners()).length < 2)
    throw new ApiError("invalid_input", "A policy that needs a second owner needs at least two active owners: add another owner first.", { notApplied: true });
}

/** Time decides some states; settled before every read or action, each recorded in the action log. */
async function settleDue(deps: ApprovalDeps) {
  const { expired, stuck } = await settleByTime(deps.now());
  for (const a of expired) await recordAction({ user: null, action: "approval.expire", params: { approval_id: a.id, kind: a.kind }, outcome: "success" });
  for (const a of stuck) await recordAction({ user: null, action: "approval.execute", params: { approval_id: a.id, kind: a.kind }, outcome: "unknown", error: "the instance running it stopped" });
}

/** Emails every other active owner about a new request, through the outbox, when SMTP_URL is set. */
async function notifyApprovers(approval: Approval, deps: ApprovalDeps) {
  if (!deps.smtpUrl) return;
  const to = (await activeOwners()).filter((o) => o.id !== approval.requested_by.id).map((o) => o.email);
  const subject = `Approval needed: ${describeRequest(approval)}`;
  const text = [
    subject,
    "",
    `${approval.requested_by.email} asked at ${approval.requested_at} for ${describeRequest(approval)}.`,
    `It needs a second owner: approve or reject it on the dashboard's Approvals page before ${approval.expires_at}.`,
  ].join("\n");
  const ids = await enqueue(
    await db(),
    to.map((email) => ({
      topic: "approval",
      ref: approval.id,
      channel: { type: "email", to: email },
      label: `email ${email}`,
      message: { subject, text, payload: { type: "approval.requested", data: approval } },
    })),
    deps.now(),
  );
  void drainNow(ids).catch((error) => log.warn("approvals.email_failed", { message: (error as Error)?.message }));
}

async function request(user: SessionUser, input: Parameters<typeof insertApproval>[0], deps: ApprovalDeps): Promise<Approval> {
  const { approval, created } = await insertApproval(input, deps.now());
  if (!created && JSON.stringify(approval.request) !== JSON.stringify(input.request)) throw keyReused();
  if (created) {
    await recordAction({ user, action: "approval.request", params: { approval_id: approval.id, kind: approval.kind, ...approval.request }, outcome: "success" });
    await notifyApprovers(approval, deps);
  }
  return approval;
}

/** A payment that must wait for a second owner under the policy, or null to charge now. */
export async function paymentApproval(user: SessionUser, key: string, body: PaymentRequest, deps = defaultApprovalDeps()): Promise<Approval | null> {
  const policy = await readPolicy();
  if (policy.payments_above === null || new Big(body.amount).lte(policy.payments_above)) return null;
  return request(user, { kind: "payment", request: { amount: body.amount }, idempotencyKey: key, by: person(user) }, deps);
}

const SEEN_FIELDS = ["enabled", "threshold_amount", "recharge_amount", "preference", "invoice_enabled"] as const;

async function currentAutoRecharge(): Promise<Record<string, unknown>> {
  const { data } = await runOperation("autoRecharge", {}, "query", { cache: false });
  return Object.fromEntries(SEEN_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
}

/** An auto-recharge change that must wait under the policy (with the settings as the requester saw them), or null. */
export async function autoRechargeApproval(user: SessionUser, body: AutoRechargeUpdate, key: string | null, deps = defaultApprovalDeps()): Promise<Approval | null> {
  if (!(await readPolicy()).auto_recharge) return null;
  const seen = await currentAutoRecharge();
  return request(user, { kind: "auto_recharge", request: body, seen, idempotencyKey: key, by: person(user) }, deps);
}

const sameValue = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b) ? new Big(a).eq(b) : a === b;

/** The fields whose current value differs from what the requester saw. */
export function changedSince(seen: Record<string, unknown>, current: Record<string, unknown>): string[] {
  return Object.keys({ ...seen, ...current }).filter((k) => !sameValue(seen[k], current[k]));
}

export async function getPolicy() {
  return readPolicy();
}

/** Sets the policy now when none is in force; otherwise the change itself waits for a second owner. */
export async function requestPolicy(user: SessionUser, input: PolicyInput, deps = defaultApprovalDeps()): Promise<Response> {
  await assertTwoOwners(input);
  const current = await readPolicy();
  if (!needsSecondOwner(current)) {
    await audited(user, "approval.policy_update", input, () => writePolicy(input, user.id, deps.now()));
    return Response.json({ data: await readPolicy() }, { headers: { "cache-control": "private, no-store" } });
  }
  return pendingResponse(await request(user, { kind: "policy", request: input, by: person(user) }, deps));
}

export async function approvalsList(status: ApprovalState | undefined, deps = defaultApprovalDeps()) {
  await settleDue(deps);
  return listApprovals(status);
}

export async function approvalById(id: string, deps = defaultApprovalDeps()) {
  await settleDue(deps);
  const a = await findApproval(id);
  if (!a) throw new ApiError("not_found", "No approval request with this id.");
  return a;
}

const notPending = (a: Approval) => new ApiError("conflict", `This request is ${a.status}, no longer pending: nothing was done.`);

/** Another owner approves: the request runs once, here, and its outcome is stored and answered. */
export async function approve(user: SessionUser, id: string, deps = defaultApprovalDeps()): Promise<Approval> {
  const a = await approvalById(id, deps);
  if (a.requested_by.id === user.id) throw new ApiError("forbidden", "You made this request: another owner must approve it.");
  if (a.status !== "pending") throw notPending(a);
  const now = deps.now();
  const won = await transition(id, "pending", "executing", { decided_by: user.id, decided_email: user.email.toLowerCase(), decided_at: now });
  if (!won) throw notPending((await findApproval(id))!);
  await recordAction({ user, action: "approval.approve", params: { approval_id: id, kind: a.kind, requested_by: a.requested_by.email }, outcome: "success" });
  const { state, result } = await execute(a, user, deps);
  await transition(id, "executing", state, { result: JSON.stringify(result), finished_at: deps.now() });
  await recordAction({
    user,
    action: "approval.execute",
    params: { approval_id: id, kind: a.kind, status: state },
    outcome: state === "succeeded" ? "success" : state === "unknown" ? "unknown" : "failure",
  });
  return (await findApproval(id))!;
}

type Execution = { state: ApprovalState; result: { status: number; body: unknown } };

const fromError = (error: unknown): Execution => {
  const e = error instanceof ApiError ? error : outcomeUnknown();
  return { state: isOutcomeUnknown(e) ? "unknown" : "failed", result: { status: e.status, body: e.toBody() } };
};

async function execute(a: Approval, approver: SessionUser, deps: ApprovalDeps): Promise<Execution> {
  const requester: SessionUser = { id: a.requested_by.id, email: a.requested_by.email, name: a.requested_by.email, role: "owner" };
  const extra = { approval_id: a.id, approved_by: approver.email };
  try {
    if (a.kind === "payment") {
      const r = await createPaymentOnce(requester, a.idempotency_key!, a.request as PaymentRequest, undefined, extra);
      const state: ApprovalState = r.outcome === "success" ? "succeeded" : r.outcome === "unknown" ? "unknown" : "failed";
      return { state, result: { status: r.status, body: r.body } };
    }
    if (a.kind === "auto_recharge") {
      const changed = changedSince(a.seen ?? {}, await currentAutoRecharge());
      if (changed.length) {
        const detail = `The auto-recharge settings changed since this was requested (${changed.join(", ")}): nothing was applied. Ask for the change again.`;
        return { state: "stale", result: { status: 409, body: new ApiError("conflict", detail).toBody() } };
      }
      const body = a.request as AutoRechargeUpdate;
      const data = await audited(requester, "auto_recharge.update", { ...body, ...extra }, () => runOperation("updateAutoRecharge", body, "body"));
      return { state: "succeeded", result: { status: 200, body: data } };
    }
    const policy = a.request as PolicyInput;
    await assertTwoOwners(policy);
    await audited(requester, "approval.policy_update", { ...policy, ...extra }, () => writePolicy(policy, approver.id, deps.now()));
    return { state: "succeeded", result: { status: 200, body: { data: await readPolicy() } } };
  } catch (error) {
    return fromError(error);
  }
}

async function close(user: SessionUser, id: string, to: "rejected" | "cancelled", reason: string | null, deps: ApprovalDeps): Promise<Approval> {
  const a = await approvalById(id, deps);
  const own = a.requested_by.id === user.id;
  if (to === "cancelled" && !own) throw new ApiError("forbidden", "Only the person who asked can cancel a request; reject it instead.");
  if (to === "rejected" && own) throw new ApiError("forbidden", "You made this request: cancel it instead of rejecting it.");
  if (a.status !== "pending") throw notPending(a);
  const won = await transition(id, "pending", to, { decided_by: user.id, decided_email: user.email.toLowerCase(), decided_at: deps.now(), reason, finished_at: deps.now() });
  if (!won) throw notPending((await findApproval(id))!);
  await recordAction({ user, action: to === "rejected" ? "approval.reject" : "approval.cancel", params: { approval_id: id, kind: a.kind, ...(reason ? { reason } : {}) }, outcome: "success" });
  return (await findApproval(id))!;
}

export const reject = (user: SessionUser, id: string, reason: string, deps = defaultApprovalDeps()) => close(user, id, "rejected", reason, deps);
export const cancel = (user: SessionUser, id: string, deps = defaultApprovalDeps()) => close(user, id, "cancelled", null, deps);
