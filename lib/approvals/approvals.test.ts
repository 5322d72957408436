// Two-person approval through the real route handlers against the simulator, on both engines.
import { describe, expect, it, vi } from "vitest";
import { POST as approveRoute } from "@/app/api/approvals/[id]/approve/route";
import { POST as cancelRoute } from "@/app/api/approvals/[id]/cancel/route";
import { POST as rejectRoute } from "@/app/api/approvals/[id]/reject/route";
import { GET as getApprovalRoute } from "@/app/api/approvals/[id]/route";
import { GET as policyGet, PUT as policyPut } from "@/app/api/approvals/policy/route";
import { GET as listRoute } from "@/app/api/approvals/route";
import { GET as getAutoRecharge, PATCH as patchAutoRecharge } from "@/app/api/auto-recharge/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { listActions } from "@/lib/action-log";
import { callRoute, session, useSimUpstream } from "@/lib/api/testing/sim-harness";
import type { SessionUser } from "@/lib/auth/session";
import { addUser, setUserDisabled } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { describeEachEngine } from "@/lib/db/testing";
import { runOperation } from "@/lib/telnyx/run";
import { createToken } from "@/lib/tokens/store";
import { approvalById, approve, changedSince, paymentApproval } from "./service";
import { APPROVAL_TTL_MS } from "./store";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("@/lib/api/testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

const { sim } = useSimUpstream();
const PAYMENTS = "/payment/stored_payment_transactions";
const PREFS = "/payment/auto_recharge_prefs";
let n = 0;
const newKey = () => `approval-key-${Date.now()}-${++n}-abcdef`;

async function makeUser(email: string, role: "owner" | "finance"): Promise<SessionUser> {
  const u = await addUser({ email, role, password: "approvals test password" });
  return { id: u.id, email: u.email, name: u.name, role };
}

const as = <T>(user: SessionUser, run: () => Promise<T>) => {
  session.user = user;
  return run();
};
const pay = (user: SessionUser, amount: string, key = newKey()) =>
  as(user, () => callRoute(payRoute, "/api/payments", { method: "POST", body: { amount }, headers: { "idempotency-key": key } }));
const act = (user: SessionUser, id: string, what: "approve" | "cancel" | "reject", body?: unknown) =>
  as(user, () =>
    callRoute({ approve: approveRoute, cancel: cancelRoute, reject: rejectRoute }[what], `/api/approvals/${id}/${what}`, { method: "POST", params: { id }, body }),
  );
const getOne = (user: SessionUser, id: string) => as(user, () => callRoute(getApprovalRoute, `/api/approvals/${id}`, { params: { id } }));
const putPolicy = (user: SessionUser, body: unknown) => as(user, () => callRoute(policyPut, "/api/approvals/policy", { method: "PUT", body }));

await describeEachEngine("approvals", () => {
  let a: SessionUser, b: SessionUser, c: SessionUser;

  it("a policy that needs a second owner is refused with fewer than two active owners; set at once while none is in force", async () => {
    a = await makeUser("apr-a@example.com", "owner");
    await makeUser("apr-fin@example.com", "finance");
    const refused = await putPolicy(a, { payments_above: "100.00", auto_recharge: false });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].detail).toMatch(/two active owners/);
    b = await makeUser("apr-b@example.com", "owner");
    c = await makeUser("apr-c@example.com", "owner");
    const bad = await putPolicy(a, { payments_above: "lots", auto_recharge: "yes" });
    expect(bad.status).toBe(422);
    const set = await putPolicy(a, { payments_above: "100.00", auto_recharge: false });
    expect(set.status).toBe(200);
    expect(set.json.data).toMatchObject({ payments_above: "100.00", auto_recharge: false });
    expect((await as(a, () => callRoute(policyGet, "/api/approvals/policy"))).json.data.payments_above).toMatch(/^100(\.00)?$/);
  });

  it("a payment at or below the limit charges at once; above it waits (202) and a retry with the same key is the same request", async () => {
    const before = await sim.count(PAYMENTS);
    expect((await pay(a, "100.00")).status).toBe(200);
    expect(await sim.count(PAYMENTS)).toBe(before + 1);
    const key = newKey();
    const res = await pay(a, "250.00", key);
    expect(res.status).toBe(202);
    expect(res.json.data).toMatchObject({ status: "pending", kind: "payment", request: { amount: "250.00" }, idempotency_key: key, requested_by: { email: a.email } });
    expect(res.json.data.approval_id).toBe(res.json.data.id);
    expect((await pay(a, "250.00", key)).json.data.approval_id).toBe(res.json.data.id);
    const reused = await pay(a, "260.00", key);
    expect([reused.status, reused.json.errors[0].source.parameter]).toEqual([422, "Idempotency-Key"]);
    expect(await sim.count(PAYMENTS)).toBe(before + 1);
    const pending = await as(b, () => callRoute(listRoute, "/api/approvals?status=pending"));
    expect(pending.json.data.map((x: { id: string }) => x.id)).toContain(res.json.data.id);
  });

  it("the requester can never approve their own request (403), nor reject it; another can't cancel it", async () => {
    const { id } = (await pay(a, "300.00")).json.data;
    expect((await act(a, id, "approve")).status).toBe(403);
    expect((await act(a, id, "reject", { reason: "hm" })).status).toBe(403);
    expect((await act(b, id, "cancel")).status).toBe(403);
    expect((await getOne(a, id)).json.data.status).toBe("pending");
    const cancelled = await act(a, id, "cancel");
    expect([cancelled.status, cancelled.json.data.status]).toEqual([200, "cancelled"]);
    expect((await act(b, id, "approve")).status).toBe(409);
  });

  it("two owners approving at once charge once; the requester sees the outcome", async () => {
    const { id } = (await pay(a, "400.00")).json.data;
    const before = await sim.count(PAYMENTS);
    // Two approvers at the same moment (two instances share only the database): one wins the compare-and-set.
    const settled = await Promise.allSettled([approve(b, id), approve(c, id)]);
    expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = settled.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409 });
    expect(await sim.count(PAYMENTS)).toBe(before + 1);
    const seen = (await getOne(a, id)).json.data;
    expect(seen.status).toBe("succeeded");
    expect(seen.result.status).toBe(200);
    expect(seen.result.body.data.amount_cents).toBe(40000);
    expect(seen.decided_by.email).toMatch(/apr-[bc]@example.com/);
    const logged = (await listActions({ limit: 20, offset: 0 })).items.filter((e) => e.params.approval_id === id).map((e) => e.action);
    expect(logged).toEqual(expect.arrayContaining(["approval.request", "approval.approve", "payment.create", "approval.execute"]));
    // Approving again, or the same key again, never charges twice.
    expect((await act(c, id, "approve")).status).toBe(409);
    expect(await sim.count(PAYMENTS)).toBe(before + 1);
  });

  it("a payment whose outcome is unknown ends `unknown`, and says so", async () => {
    const { id } = (await pay(a, "150.00")).json.data;
    await sim.fault({ path: PAYMENTS, method: "POST", status: 500, times: 1 });
    const res = await act(b, id, "approve");
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe("unknown");
    expect(res.json.data.result.body.errors[0].code).toBe("outcome_unknown");
  });

  it("a refused payment ends `failed`", async () => {
    const { id } = (await pay(a, "160.00")).json.data;
    await sim.fault({ path: PAYMENTS, method: "POST", status: 422, times: 1 });
    expect((await act(b, id, "approve")).json.data.status).toBe("failed");
  });

  it("rejection needs a reason and ends the request", async () => {
    const { id } = (await pay(a, "170.00")).json.data;
    expect((await act(b, id, "reject", {})).status).toBe(422);
    const res = await act(b, id, "reject", { reason: "Not this month" });
    expect(res.json.data).toMatchObject({ status: "rejected", reason: "Not this month", decided_by: { email: b.email } });
    expect((await act(c, id, "approve")).status).toBe(409);
  });

  it("expires after 24 hours (injected clock): then it can't be approved", async () => {
    const t0 = Date.now();
    const approval = (await paymentApproval(a, newKey(), { amount: "180.00" }, { now: () => t0 }))!;
    const later = { now: () => t0 + APPROVAL_TTL_MS + 1 };
    await expect(approve(b, approval.id, { now: () => t0 + APPROVAL_TTL_MS - 1_000 }).then((x) => x.status)).resolves.toBe("succeeded");
    const second = (await paymentApproval(a, newKey(), { amount: "190.00" }, { now: () => t0 }))!;
    await expect(approve(b, second.id, later)).rejects.toMatchObject({ status: 409 });
    expect((await approvalById(second.id, later)).status).toBe("expired");
  });

  it("API tokens cannot list, approve or change the policy", async () => {
    const t = await createToken(b, { name: "ci", role: "owner", scope: "write", expiresAt: null });
    session.user = null;
    const headers = { authorization: `Bearer ${t.token}` };
    expect((await callRoute(listRoute, "/api/approvals", { headers })).status).toBe(403);
    expect((await callRoute(policyPut, "/api/approvals/policy", { method: "PUT", headers, body: { payments_above: null, auto_recharge: false } })).status).toBe(403);
  });

  it("once a policy exists, changing it needs a second owner; then auto-recharge changes wait too", async () => {
    const res = await putPolicy(a, { payments_above: "100.00", auto_recharge: true });
    expect(res.status).toBe(202);
    expect(res.json.data.kind).toBe("policy");
    expect((await as(a, () => callRoute(policyGet, "/api/approvals/policy"))).json.data.auto_recharge).toBe(false);
    expect((await act(b, res.json.data.id, "approve")).json.data.status).toBe("succeeded");
    expect((await as(a, () => callRoute(policyGet, "/api/approvals/policy"))).json.data.auto_recharge).toBe(true);
  });

  it("an auto-recharge change is applied when Telnyx still shows what the requester saw", async () => {
    const current = (await as(a, () => callRoute(getAutoRecharge, "/api/auto-recharge"))).json.data;
    const next = current.threshold_amount.startsWith("150") ? "175.00" : "150.00";
    const before = await sim.count(PREFS);
    const res = await as(a, () => callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { threshold_amount: next } }));
    expect(res.status).toBe(202);
    expect(res.json.data.seen).toMatchObject({ threshold_amount: current.threshold_amount, enabled: current.enabled });
    const patchesBefore = (await sim.requests()).filter((r) => r.method === "PATCH").length;
    const done = await act(c, res.json.data.id, "approve");
    expect(done.json.data.status).toBe("succeeded");
    expect((await sim.requests()).filter((r) => r.method === "PATCH").length).toBe(patchesBefore + 1);
    const after = await runOperation("autoRecharge", {}, "query", { cache: false });
    expect(after.data.threshold_amount).toMatch(new RegExp(`^${next.split(".")[0]}`));
    expect(await sim.count(PREFS)).toBeGreaterThan(before);
  });

  it("a stale auto-recharge diff is refused: the settings changed since it was asked", async () => {
    const res = await as(a, () => callRoute(patchAutoRecharge, "/api/auto-recharge", { method: "PATCH", body: { recharge_amount: "250.00" } }));
    expect(res.status).toBe(202);
    // Someone changes the settings in Telnyx's portal meanwhile.
    const seen = res.json.data.seen;
    await runOperation("updateAutoRecharge", { enabled: !seen.enabled }, "body");
    const patchesBefore = (await sim.requests()).filter((r) => r.method === "PATCH").length;
    const done = await act(b, res.json.data.id, "approve");
    expect(done.json.data.status).toBe("stale");
    expect(done.json.data.result.body.errors[0].detail).toMatch(/enabled/);
    expect((await sim.requests()).filter((r) => r.method === "PATCH").length).toBe(patchesBefore);
  });

  it("approvers are emailed through the outbox when SMTP_URL is set", async () => {
    const approval = (await paymentApproval(a, newKey(), { amount: "500.00" }, { now: Date.now, smtpUrl: "smtp://127.0.0.1:1" }))!;
    const rows = await (await db()).selectFrom("outbox").selectAll().where("ref", "=", approval.id).execute();
    expect(rows.map((r) => JSON.parse(r.channel).to).sort()).toEqual([b.email, c.email]);
    expect(JSON.parse(rows[0]!.message).subject).toMatch(/Approval needed: a payment of \$500.00/);
  });

  it("a policy change approved after an owner left is refused (fewer than two owners)", async () => {
    const res = await putPolicy(a, { payments_above: "50.00", auto_recharge: true });
    expect(res.status).toBe(202);
    await setUserDisabled(c.email, true);
    await setUserDisabled(b.email, true);
    const d = await makeUser("apr-d@example.com", "owner");
    await setUserDisabled(a.email, true);
    // d alone is active now.
    const done = await act(d, res.json.data.id, "approve");
    expect(done.json.data.status).toBe("failed");
    expect(done.json.data.result.status).toBe(422);
  });
});

describe("changedSince", () => {
  it("compares money as numbers and everything else exactly", () => {
    expect(changedSince({ threshold_amount: "100.00", enabled: true }, { threshold_amount: "100.0", enabled: true })).toEqual([]);
    expect(changedSince({ threshold_amount: "100.00", enabled: true }, { threshold_amount: "100.01", enabled: false })).toEqual(["threshold_amount", "enabled"]);
    expect(changedSince({ preference: "credit_paypal" }, {})).toEqual(["preference"]);
  });
});
