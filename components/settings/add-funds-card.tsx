"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { invalidateApprovals, isPendingReply, type PendingReply } from "@/components/approvals/queries";
import { SentForApproval } from "@/components/approvals/sent-for-approval";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Money } from "@/components/ui/money";
import { apiFetch } from "@/lib/api/fetcher";
import { PREFERENCE_LABELS } from "@/lib/billing/auto-recharge";
import {
  browserIntentStorage,
  finishIntent,
  intentFor,
  pendingIntents,
  type PaymentIntent,
} from "@/lib/billing/payment-intent";
import { PAYMENT_STATE_WORDS, processorStatusWords } from "@/lib/billing/payment-words";
import { describeWriteError, type WriteErrorMessage } from "@/lib/billing/write-errors";
import { formatDateTime } from "@/lib/format";
import { Big, formatMoney } from "@/lib/money";
import { invalidateAfterWrite } from "@/lib/query/invalidate";
import { operationQuery } from "@/lib/query/operation-query";
import { operationRoutes } from "@/lib/telnyx/operation-routes";
import type { OperationOutput } from "@/lib/telnyx/operation-specs";
import { PAYMENT_BOUNDS } from "@/lib/telnyx/contract";
import type { PaymentRequest } from "@/lib/telnyx/schemas/payments";
import { AMOUNT_FIELD, AmountInput } from "./amount-input";
import { lazyResolver, prefetchFormSchemas, useFormSchemas } from "./lazy-forms";
import { WriteErrorAlert } from "./write-error-alert";

export const AMOUNT_PRESETS = ["50.00", "100.00", "250.00", "500.00"] as const;

type PaymentReply = OperationOutput<"createPayment"> & { meta?: { idempotent_replayed?: boolean } };

/** Failures that prove nothing was charged: the next confirmation is a new intent with a new key. */
const DEFINITELY_NOT_CHARGED = new Set<WriteErrorMessage["kind"]>(["invalid", "forbidden", "rate_limited"]);

function postPayment(intent: PaymentIntent): Promise<PaymentReply | PendingReply> {
  return apiFetch<PaymentReply | PendingReply>(operationRoutes.createPayment.path, {
    method: "POST",
    body: JSON.stringify({ amount: intent.amount } satisfies PaymentRequest),
    headers: { "Idempotency-Key": intent.key },
  });
}

const PAYMENT_RESOLVER = lazyResolver((schemas) => schemas.paymentResolver);

const centsToAmount = (cents: number) => new Big(cents).div(100).toFixed(2);

function PaymentResult({ reply, balance }: { reply: PaymentReply; balance: OperationOutput<"balance"> | undefined }) {
  const tx = reply.data;
  const currency = tx.amount_currency ?? balance?.data.currency ?? "USD";
  return (
    <div role="status" className="rounded-md border border-success/40 bg-success/5 p-3 text-sm">
      <p className="font-semibold text-success">
        {reply.meta?.idempotent_replayed
          ? "This payment had already been made: this is its original result. Nothing was charged again."
          : "Payment submitted to Telnyx."}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-muted">Transaction</dt>
        <dd className="flex min-w-0 items-center gap-1">
          <code className="truncate text-xs" data-testid="payment-transaction-id">
            {tx.id}
          </code>
          <span className="shrink-0">
            <CopyButton value={tx.id} label="Copy" />
          </span>
        </dd>
        <dt className="text-muted">Amount</dt>
        <dd>
          <Money testId="payment-amount" amount={centsToAmount(tx.amount_cents)} currency={currency} />
        </dd>
        <dt className="text-muted">Status</dt>
        <dd>
          <Badge tone={PAYMENT_STATE_WORDS.submitted.tone}>{PAYMENT_STATE_WORDS.submitted.label}</Badge>{" "}
          <span className="text-muted">
            (processor: <span data-testid="payment-status">{processorStatusWords(tx.processor_status)}</span>)
          </span>
          <span className="mt-1 block text-xs text-muted">{PAYMENT_STATE_WORDS.submitted.meaning}</span>
        </dd>
        <dt className="text-muted">Time</dt>
        <dd>{tx.created_at ? <time dateTime={tx.created_at}>{formatDateTime(tx.created_at)}</time> : "not reported"}</dd>
      </dl>
    </div>
  );
}

/** Add funds: an amount, a confirmation that names what will be charged, one charge per confirmed intent. */
export function AddFundsCard() {
  const queryClient = useQueryClient();
  const balance = useQuery(operationQuery("balance", {}));
  const prefs = useQuery(operationQuery("autoRecharge", {}));
  const currency = balance.data?.data.currency ?? "USD";
  const preference = prefs.data?.data.preference;
  // Telnyx's API names no stored method; the auto-recharge preference is the account's stated choice.
  const method = preference
    ? `the ${PREFERENCE_LABELS[preference]} stored on your Telnyx account (your auto-recharge payment preference)`
    : "the payment method stored on your Telnyx account";

  // zod loads after the first screen: when idle, on focus, or with the first validation.
  const schemas = useFormSchemas();
  const form = useForm<PaymentRequest>({ resolver: PAYMENT_RESOLVER, defaultValues: { amount: "" }, mode: "onSubmit" });
  const { register, handleSubmit, formState, setValue, control } = form;
  const typed = useWatch({ control, name: "amount" });

  const [confirming, setConfirming] = useState<string | null>(null);
  const [reply, setReply] = useState<PaymentReply | null>(null);
  const [awaiting, setAwaiting] = useState<PendingReply["data"] | null>(null);
  const [failure, setFailure] = useState<WriteErrorMessage | null>(null);
  const [pending, setPending] = useState<PaymentIntent[]>([]);
  const sending = useRef(false);

  // Intents confirmed earlier in this tab (before a reload) whose outcome never arrived.
  // After hydration: the server render has no browser storage.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- one read of sessionStorage after mount; a store for it would be a larger rewrite
  useEffect(() => setPending(pendingIntents(browserIntentStorage())), []);
  const refreshPending = () => setPending(pendingIntents(browserIntentStorage()));

  const mutation = useMutation({
    mutationFn: postPayment,
    onSuccess: (result, intent) => {
      finishIntent(browserIntentStorage(), intent.amount);
      // Above the approval policy's limit: a request for a second owner, not a charge.
      if (isPendingReply(result)) {
        setAwaiting(result.data);
        setReply(null);
        void invalidateApprovals(queryClient).catch(() => undefined);
      } else {
        setReply(result);
        setAwaiting(null);
      }
      setFailure(null);
      form.reset({ amount: "" });
    },
    onError: (error, intent) => {
      const message = describeWriteError(error, "payment");
      if (DEFINITELY_NOT_CHARGED.has(message.kind)) finishIntent(browserIntentStorage(), intent.amount);
      for (const f of message.fields) if (f.field === "amount") form.setError("amount", { type: "server", message: f.message });
      setFailure(message);
      setReply(null);
      setAwaiting(null);
    },
    onSettled: () => {
      sending.current = false;
      setConfirming(null);
      refreshPending();
      // The balance changes with a payment, and may have changed if its outcome is unknown; the
      // action log (the list below) has a line more either way.
      void invalidateAfterWrite(queryClient, "createPayment").catch(() => undefined);
    },
  });

  const confirm = (amount: string) => {
    // A second click before React re-renders must not send anything: the first is on its way.
    if (sending.current) return;
    sending.current = true;
    mutation.mutate(intentFor(browserIntentStorage(), amount));
  };

  const validAmount = schemas?.validPaymentAmount(typed ?? "") ?? null;
  const submitLabel = validAmount !== null ? `Add ${formatMoney(validAmount, currency)}…` : "Add funds…";

  return (
    <Card aria-labelledby="add-funds-title">
      <CardHeader
        title={<span id="add-funds-title">Add funds</span>}
        description="Charges the payment method stored on your Telnyx account and adds the amount to your balance."
      />
      <p className="mb-3 text-sm">
        <span className="text-muted">Current balance: </span>
        {balance.data ? (
          <Money testId="add-funds-balance" amount={balance.data.data.balance} currency={currency} className="font-semibold" />
        ) : balance.isError ? (
          <span className="text-danger">could not be loaded</span>
        ) : (
          <span className="text-muted">loading…</span>
        )}
      </p>

      {pending.length > 0 ? (
        <div className="mb-3 space-y-2 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm" data-testid="pending-intents">
          {pending.map((intent) => (
            <div key={intent.key}>
              <p>
                A payment of <strong>{formatMoney(intent.amount, currency)}</strong> confirmed in this tab at{" "}
                {formatDateTime(new Date(intent.createdAt).toISOString())} has no confirmed outcome. Check the balance. Confirming the
                same amount again re-sends the same request, so Telnyx is never asked to charge it twice.
              </p>
              <Button
                variant="secondary"
                size="sm"
                className="mt-1"
                onClick={() => {
                  finishIntent(browserIntentStorage(), intent.amount);
                  refreshPending();
                }}
              >
                Forget it: I checked, and it did not arrive
              </Button>
            </div>
          ))}
        </div>
      ) : null}

      <form
        noValidate
        aria-label="Add funds"
        onFocus={prefetchFormSchemas}
        onSubmit={handleSubmit(({ amount }) => {
          setFailure(null);
          setReply(null);
          setConfirming(amount);
        })}
      >
        <div role="group" aria-label="Preset amounts" className="mb-2 flex flex-wrap gap-2">
          {AMOUNT_PRESETS.map((preset) => (
            <Button
              key={preset}
              variant="secondary"
              size="sm"
              aria-pressed={typed === preset}
              onClick={() => setValue("amount", preset, { shouldValidate: formState.isSubmitted, shouldDirty: true })}
            >
              {formatMoney(preset, currency)}
            </Button>
          ))}
        </div>
        <FormField
          label={`Amount (${currency})`}
          hint={`From ${formatMoney(PAYMENT_BOUNDS.min, currency)} to ${formatMoney(PAYMENT_BOUNDS.max, currency)}, such as 120 or 120.50.`}
          error={formState.errors.amount?.message}
        >
          {(field) => <AmountInput currency={currency} {...field} {...register("amount", AMOUNT_FIELD)} />}
        </FormField>
        <Button type="submit" className="mt-3" disabled={mutation.isPending}>
          {submitLabel}
        </Button>
      </form>

      <div className="mt-3 space-y-3" aria-live="polite">
        {mutation.isPending ? <p className="text-sm text-muted">Charging… do not close this page.</p> : null}
        {reply ? <PaymentResult reply={reply} balance={balance.data} /> : null}
        {awaiting ? <SentForApproval approval={awaiting} /> : null}
        {failure ? <WriteErrorAlert message={failure} /> : null}
      </div>

      <Dialog
        open={confirming !== null}
        busy={mutation.isPending}
        onClose={() => {
          if (!mutation.isPending) setConfirming(null);
        }}
        title={confirming ? `Charge ${formatMoney(confirming, currency)} ${currency}?` : "Charge?"}
        description={
          confirming ? (
            <>
              Telnyx will charge <strong className="text-fg">{formatMoney(confirming, currency)} {currency}</strong> to {method}, and add it to
              your balance. This cannot be undone from the dashboard.
            </>
          ) : null
        }
      >
        {confirming ? (
          <DialogActions>
            <Button variant="secondary" disabled={mutation.isPending} onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button disabled={mutation.isPending} onClick={() => confirm(confirming)}>
              {mutation.isPending ? "Charging…" : `Charge ${formatMoney(confirming, currency)} ${currency}`}
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>
    </Card>
  );
}
