"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { invalidateApprovals, isPendingReply, type PendingReply } from "@/components/approvals/queries";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { apiFetch } from "@/lib/api/fetcher";
import {
  changedFields,
  describeChanges,
  describeRule,
  describeSaveResult,
  PREFERENCE_LABELS,
  toFormValues,
  type AutoRechargeFormValues,
  type FieldChange,
  type SaveResult,
} from "@/lib/billing/auto-recharge";
import { describeWriteError, type WriteErrorMessage } from "@/lib/billing/write-errors";
import { invalidateActionLog, invalidateAfterWrite } from "@/lib/query/invalidate";
import { queryKeys } from "@/lib/query/keys";
import { operationQuery } from "@/lib/query/operation-query";
import { operationRoutes } from "@/lib/telnyx/operation-routes";
import type { OperationOutput } from "@/lib/telnyx/operation-specs";
import type { AutoRechargeUpdate } from "@/lib/telnyx/schemas/auto-recharge";
import { PAYMENT_PREFERENCES, RECHARGE_BOUNDS, THRESHOLD_BOUNDS } from "@/lib/telnyx/contract";
import { formatMoney } from "@/lib/money";
import { AMOUNT_FIELD, AmountInput } from "./amount-input";
import { AutoRechargePreview } from "./auto-recharge-preview";
import { lazyResolver, prefetchFormSchemas, useFormSchemas } from "./lazy-forms";
import { useUnsavedChangesWarning } from "./use-unsaved-changes";
import { WriteErrorAlert } from "./write-error-alert";

// Shown only after a save the approval policy holds: loaded then, not with the page (#16's budget).
const SentForApproval = dynamic(() => import("@/components/approvals/sent-for-approval").then((m) => m.SentForApproval));

type Prefs = OperationOutput<"autoRecharge">;
type FormInput = AutoRechargeFormValues;

const checkboxClass = "h-4 w-4 accent-accent";
/** An explicit reset replaces what was typed (the form's default resetOptions keep it). */
const RESET_TO = { keepDirtyValues: false, keepFieldsRef: true } as const;

function saveAutoRecharge(body: AutoRechargeUpdate): Promise<Prefs | PendingReply> {
  return apiFetch<Prefs | PendingReply>(operationRoutes.updateAutoRecharge.path, { method: "PATCH", body: JSON.stringify(body) });
}

function AutoRechargeForm({ canEdit, currency }: { canEdit: boolean; currency: string }) {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(operationQuery("autoRecharge", {}));
  // What Telnyx has: the baseline for "changed", for old → new and for the no-op check.
  const saved = useMemo(() => toFormValues(data.data), [data]);
  // zod loads after the first screen: when idle, on focus, or with the first validation.
  useFormSchemas();
  const resolver = useMemo(() => lazyResolver((schemas) => schemas.autoRechargeResolver(saved)), [saved]);

  const form = useForm<FormInput, unknown, FormInput>({
    resolver,
    // Telnyx's newer state flows in when it changes; what the user has typed stays.
    values: saved,
    resetOptions: { keepDirtyValues: true },
    mode: "onTouched",
  });
  const { register, handleSubmit, control, formState, reset, setError } = form;
  const values = useWatch({ control }) as FormInput;
  const pending = useMemo(() => changedFields(saved, { ...saved, ...values }), [saved, values]);
  const pendingCount = Object.keys(pending).length;
  const dirty = canEdit && pendingCount > 0;
  useUnsavedChangesWarning(dirty);

  const [review, setReview] = useState<{ body: AutoRechargeUpdate; changes: FieldChange[]; next: AutoRechargeFormValues } | null>(null);
  const [failure, setFailure] = useState<WriteErrorMessage | null>(null);
  const [notice, setNotice] = useState<SaveResult | null>(null);
  const [awaiting, setAwaiting] = useState<PendingReply["data"] | null>(null);

  const mutation = useMutation({
    mutationFn: saveAutoRecharge,
    onSuccess: (result, body) => {
      setAwaiting(null);
      // Under the approval policy: a request for a second owner; Telnyx is unchanged.
      if (isPendingReply(result)) {
        reset(saved, RESET_TO);
        setAwaiting(result.data);
        setNotice(null);
        setFailure(null);
        setReview(null);
        void invalidateApprovals(queryClient).catch(() => undefined);
        return;
      }
      // No optimistic update: the page shows exactly what Telnyx answered.
      const stored = toFormValues(result.data);
      queryClient.setQueryData(queryKeys.telnyx.read("autoRecharge", {}), result);
      reset(stored, RESET_TO);
      setNotice(describeSaveResult(saved, body, stored, currency));
      setFailure(null);
      setReview(null);
      void invalidateAfterWrite(queryClient, "updateAutoRecharge").catch(() => undefined);
    },
    onError: (error) => {
      const message = describeWriteError(error, "auto-recharge");
      setFailure(message);
      setNotice(null);
      setReview(null);
      for (const { field, message: text } of message.fields)
        if (field in saved) setError(field as FieldPath<FormInput>, { type: "server", message: text });
      // It may have been saved: fetch what Telnyx has (the user's input stays in the form).
      if (message.kind === "outcome_unknown") void invalidateAfterWrite(queryClient, "updateAutoRecharge").catch(() => undefined);
      else void invalidateActionLog(queryClient).catch(() => undefined);
    },
  });

  const onReview = handleSubmit((parsed) => {
    const body = changedFields(saved, parsed);
    if (Object.keys(body).length === 0) return;
    setFailure(null);
    setNotice(null);
    setReview({ body, changes: describeChanges(saved, body, currency), next: { ...saved, ...parsed } });
  });

  const errors = formState.errors;
  const submitLabel =
    pendingCount === 0 ? "No changes to save" : `Review ${pendingCount} ${pendingCount === 1 ? "change" : "changes"} before saving`;

  return (
    <form noValidate onSubmit={onReview} onFocus={prefetchFormSchemas} aria-label="Auto-recharge settings">
      <fieldset disabled={!canEdit || mutation.isPending} className="space-y-4">
        <legend className="sr-only">Auto-recharge settings</legend>
        {!canEdit ? (
          <p className="rounded-md border border-border bg-bg p-2 text-sm text-muted">
            You can view these settings. Only an account owner can change them.
          </p>
        ) : null}

        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className={checkboxClass} defaultChecked={saved.enabled} {...register("enabled")} />
          Recharge automatically when the balance runs low
        </label>

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={`Threshold (${currency})`}
            hint={`Recharge when the balance falls below this. ${formatMoney(THRESHOLD_BOUNDS.min, currency)} to ${formatMoney(THRESHOLD_BOUNDS.max, currency)}, with cents.`}
            error={errors.threshold_amount?.message}
          >
            {(field) => (
              <AmountInput currency={currency} defaultValue={saved.threshold_amount} {...field} {...register("threshold_amount", AMOUNT_FIELD)} />
            )}
          </FormField>
          <FormField
            label={`Recharge amount (${currency})`}
            hint={`The balance is topped up to threshold + this. ${formatMoney(RECHARGE_BOUNDS.min, currency)} to ${formatMoney(RECHARGE_BOUNDS.max, currency)}, with cents.`}
            error={errors.recharge_amount?.message}
          >
            {(field) => (
              <AmountInput currency={currency} defaultValue={saved.recharge_amount} {...field} {...register("recharge_amount", AMOUNT_FIELD)} />
            )}
          </FormField>
        </div>

        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Pay recharges with</legend>
          <div className="flex flex-wrap gap-4">
            {PAYMENT_PREFERENCES.map((preference) => (
              <label key={preference} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  value={preference}
                  className={checkboxClass}
                  defaultChecked={saved.preference === preference}
                  {...register("preference")}
                />
                {PREFERENCE_LABELS[preference].replace(/^./, (c) => c.toUpperCase())}
              </label>
            ))}
          </div>
          {errors.preference?.message ? <p className="text-sm text-danger">{errors.preference.message}</p> : null}
        </fieldset>

        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className={checkboxClass} defaultChecked={saved.invoice_enabled} {...register("invoice_enabled")} />
          Send an invoice for each automatic recharge
        </label>
      </fieldset>

      <AutoRechargePreview values={{ ...saved, ...values }} currency={currency} unsaved={dirty} />

      {failure ? <WriteErrorAlert message={failure} className="mt-4" /> : null}
      {notice ? <SavedSummary notice={notice} rule={describeRule(saved, currency)} /> : null}
      {awaiting ? (
        <div className="mt-4">
          <SentForApproval approval={awaiting} />
        </div>
      ) : null}

      {canEdit ? (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="submit" disabled={pendingCount === 0 || mutation.isPending}>
            {mutation.isPending ? "Saving…" : submitLabel}
          </Button>
          {pendingCount > 0 ? (
            <Button
              variant="ghost"
              disabled={mutation.isPending}
              onClick={() => {
                reset(saved, RESET_TO);
                setFailure(null);
              }}
            >
              Discard changes
            </Button>
          ) : null}
        </div>
      ) : null}

      <Dialog
        open={review !== null}
        busy={mutation.isPending}
        onClose={() => {
          if (!mutation.isPending) setReview(null);
        }}
        title="Save these auto-recharge changes?"
        description="Only the settings listed here are sent to Telnyx."
      >
        {review ? (
          <>
            <Table density="card">
              <TableCaption>Changes to save</TableCaption>
              <TableHeader>
                <tr>
                  <TableHead>Setting</TableHead>
                  <TableHead>Now</TableHead>
                  <TableHead>After saving</TableHead>
                </tr>
              </TableHeader>
              <TableBody>
                {review.changes.map((change) => (
                  <TableRow key={change.field}>
                    <TableRowHead className="font-medium">{change.label}</TableRowHead>
                    <TableCell className="tabular">{change.from}</TableCell>
                    <TableCell className="font-semibold tabular">
                      <span className="sr-only">changes to </span>
                      {change.to}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <p className="mt-3 text-sm">{describeRule(review.next, currency)}</p>
            <DialogActions>
              <Button variant="secondary" autoFocus disabled={mutation.isPending} onClick={() => setReview(null)}>
                Cancel
              </Button>
              <Button
                disabled={mutation.isPending}
                onClick={() => {
                  if (!mutation.isPending) mutation.mutate(review.body);
                }}
              >
                {mutation.isPending ? "Saving…" : `Save ${review.changes.length} ${review.changes.length === 1 ? "change" : "changes"}`}
              </Button>
            </DialogActions>
          </>
        ) : null}
      </Dialog>
      <span className="sr-only" aria-live="polite">
        {mutation.isPending ? "Saving auto-recharge settings" : ""}
      </span>
    </form>
  );
}

function SavedSummary({ notice, rule }: { notice: SaveResult; rule: string | null }) {
  return (
    <div role="status" className="mt-4 rounded-md border border-success/40 bg-success/5 p-3 text-sm">
      <p className="font-semibold text-success">Saved. Telnyx now has:</p>
      <ul className="mt-1 list-inside list-disc">
        {notice.changes.map((c) => (
          <li key={c.field}>
            {c.label}: {c.from} → <strong>{c.to}</strong>
          </li>
        ))}
      </ul>
      {rule ? <p className="mt-1">{rule}</p> : null}
      {notice.differs.length > 0 ? (
        <p className="mt-1 text-warning">Telnyx stored {notice.differs.join(", ")} differently from what you entered: the values above are Telnyx&apos;s.</p>
      ) : null}
    </div>
  );
}

/** The auto-recharge settings card: owners edit, finance reads. */
export function AutoRechargeCard({ canEdit }: { canEdit: boolean }) {
  const balance = useQuery(operationQuery("balance", {}));
  const currency = balance.data?.data.currency ?? "USD";
  return (
    <Card aria-labelledby="auto-recharge-title">
      <CardHeader
        title={<span id="auto-recharge-title">Auto-recharge</span>}
        description="Telnyx tops up the balance with your stored payment method when it runs low."
      />
      <QueryBoundary label="the auto-recharge settings">
        <AutoRechargeForm canEdit={canEdit} currency={currency} />
      </QueryBoundary>
    </Card>
  );
}
