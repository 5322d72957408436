"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeImmediateRecharge, describeRule, type AutoRechargeFormValues } from "@/lib/billing/auto-recharge";
import { averageDailySpend, describeCapRisk, describeFrequency, rechargeFrequency } from "@/lib/billing/recharge-frequency";
import { daysBetween, daysElapsedInMonth, monthOf, monthRange } from "@/lib/charges/months";
import { summaryTotals } from "@/lib/charges/totals";
import { operationQuery } from "@/lib/query/operation-query";

/** This month (UTC) as the overview reads it, so both share one cached charges summary. */
function useThisMonth() {
  // Fixed for the life of the page, so the query key does not change under the user.
  const [month] = useState(() => {
    const now = new Date();
    const range = monthRange(monthOf(now));
    return { range, daysElapsed: daysElapsedInMonth(now), daysInMonth: daysBetween(range.start_date, range.end_date) };
  });
  return month;
}

/**
 * The rule as it will be saved, in one sentence, and what it means at this month's pace of
 * spending: how often it would fire, whether it fires right away, and whether it could pass
 * Telnyx's limit of 10 recharges in 24 hours.
 */
export function AutoRechargePreview({ values, currency, unsaved }: { values: AutoRechargeFormValues; currency: string; unsaved: boolean }) {
  const month = useThisMonth();
  const charges = useQuery(operationQuery("chargesSummary", month.range));
  const balance = useQuery(operationQuery("balance", {}));

  const rule = describeRule(values, currency);
  const daily = charges.data ? averageDailySpend(summaryTotals(charges.data.data.summary).grand_total, month.daysElapsed) : null;
  const frequency = values.enabled && daily !== null ? rechargeFrequency(values.recharge_amount, daily, month.daysInMonth) : null;
  const risk = frequency ? describeCapRisk(frequency, currency) : null;
  const immediate = balance.data ? describeImmediateRecharge(values, balance.data.data.balance, currency) : null;

  return (
    <section aria-labelledby="auto-recharge-preview-title" className="mt-5 rounded-md border border-border bg-bg p-3 text-sm">
      <h3 id="auto-recharge-preview-title" className="font-semibold">
        {unsaved ? "What these settings will do (not saved yet)" : "What these settings do"}
      </h3>
      <div aria-live="polite" className="mt-1 space-y-1">
        <p data-testid="auto-recharge-rule">{rule ?? "Enter both amounts with dollars and cents to see the rule."}</p>
        {immediate ? <p>{immediate}</p> : null}
        {values.enabled && rule ? (
          charges.isError ? (
            <p className="text-muted">This month&apos;s spend could not be loaded, so there is no estimate of how often it would trigger.</p>
          ) : frequency && daily !== null ? (
            <p data-testid="auto-recharge-frequency">{describeFrequency(frequency, daily, currency)}</p>
          ) : charges.isPending ? (
            <p className="text-muted">Estimating how often it would trigger…</p>
          ) : null
        ) : null}
      </div>
      {risk ? (
        <p role="alert" className="mt-2 rounded-md border border-warning/50 bg-warning/10 p-2 font-medium text-warning">
          {risk}
        </p>
      ) : null}
    </section>
  );
}
