"use client";

// The approval policy (owners): which money moves need a second owner. While no policy is in
// force a change applies at once; after that, changing it is itself a request for a second owner.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { approvalPolicyQuery, invalidateApprovals, isPendingReply, type PendingReply } from "@/components/approvals/queries";
import { SentForApproval } from "@/components/approvals/sent-for-approval";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { LoadingBlock } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/ui/states";
import type { ApprovalPolicy } from "@/lib/approvals/describe";
import { fieldErrors } from "@/lib/api/field-errors";
import { apiFetch } from "@/lib/api/fetcher";
import { formatMoney } from "@/lib/money";
import { AmountInput } from "./amount-input";

const inForce = (p: ApprovalPolicy) => p.payments_above !== null || p.auto_recharge;

function describePolicy(p: ApprovalPolicy): string {
  if (!inForce(p)) return "No approval policy: any owner can add funds and change auto-recharge alone.";
  const parts = [
    p.payments_above !== null ? `payments above ${formatMoney(p.payments_above, "USD")}` : null,
    p.auto_recharge ? "auto-recharge changes" : null,
  ].filter(Boolean);
  return `In force: ${parts.join(" and ")} need a second owner.`;
}

type SaveResult = { saved: true } | PendingReply;

// The form is keyed by the policy's version (a new policy resets it); what the last save did
// lives in the card, so it outlasts that reset.
function PolicyForm({ policy, onSaved }: { policy: ApprovalPolicy; onSaved: (result: SaveResult | null) => void }) {
  const client = useQueryClient();
  const [limitOn, setLimitOn] = useState(policy.payments_above !== null);
  const [limit, setLimit] = useState(policy.payments_above ?? "");
  const [autoRecharge, setAutoRecharge] = useState(policy.auto_recharge);
  const save = useMutation({
    mutationFn: (body: { payments_above: string | null; auto_recharge: boolean }) =>
      apiFetch<{ data: ApprovalPolicy } | PendingReply>("/api/approvals/policy", { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: (reply) => onSaved(isPendingReply(reply) ? reply : { saved: true }),
    onSettled: () => invalidateApprovals(client),
  });
  const errors = save.isError ? fieldErrors(save.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSaved(null);
    save.mutate({ payments_above: limitOn ? limit.trim() : null, auto_recharge: autoRecharge });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Approval policy">
      <p className="text-sm" data-testid="policy-summary">
        {describePolicy(policy)}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-accent" checked={limitOn} onChange={(e) => setLimitOn(e.target.checked)} />
        Payments above a limit need a second owner
      </label>
      {limitOn ? (
        <FormField label="Limit (USD)" hint="A payment above this amount waits for another owner." error={errors?.fields.payments_above}>
          {(p) => <AmountInput {...p} currency="USD" value={limit} onChange={(e) => setLimit(e.target.value)} placeholder="100.00" />}
        </FormField>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-accent" checked={autoRecharge} onChange={(e) => setAutoRecharge(e.target.checked)} />
        Auto-recharge changes need a second owner
      </label>
      {inForce(policy) ? <p className="text-xs text-muted">A policy is in force: changing it needs another owner&apos;s approval.</p> : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : inForce(policy) ? "Ask to change the policy" : "Save policy"}
      </Button>
      {errors?.other ? (
        <p role="alert" className="text-sm text-danger">
          {errors.other}
        </p>
      ) : null}
    </form>
  );
}

export function ApprovalPolicyCard() {
  const query = useQuery(approvalPolicyQuery);
  const [result, setResult] = useState<SaveResult | null>(null);
  return (
    <Card aria-labelledby="approval-policy-title">
      <CardHeader title={<span id="approval-policy-title">Approval policy</span>} description="Two-person control for money moves." />
      {query.isPending ? (
        <LoadingBlock label="approval policy" lines={3} />
      ) : query.isError ? (
        <ErrorState title="Couldn't load the approval policy" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PolicyForm key={query.data.data.updated_at ?? "none"} policy={query.data.data} onSaved={setResult} />
      )}
      {result && "saved" in result ? (
        <p role="status" className="mt-3 text-sm text-success">
          Policy saved.
        </p>
      ) : null}
      {result && !("saved" in result) ? (
        <div className="mt-3">
          <SentForApproval approval={result.data} />
        </div>
      ) : null}
    </Card>
  );
}
