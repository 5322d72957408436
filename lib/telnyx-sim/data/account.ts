// The account's money over time, one story: every charge the summary shows is debited from the
// balance at the end of the UTC day it is rated, auto-recharge tops the balance up when it falls
// below the threshold (a payment in the audit log), invoices of credit-line accounts are paid by ACH,
// and the auto-recharge settings change in a chain that ends at today's settings.
import { formatCents } from "../money";
import { rngFor } from "../rng";
import { DAY, addUtcMonths, isoDateTime, startOfUtcMonth } from "../time";
import type { AuditChange, AuditEvent } from "./audit";
import type { Adjustment, SimNumber } from "./charges";
import { CAMPAIGN_FEE, MICROS_PER_CENT, dayNumber, type UsageBook } from "./usage";
import { DETAIL_TYPES, type Profile, type World } from "./world";

export type Prefs = Profile["autoRecharge"];

/** Telnyx allows at most this many auto-recharges in 24 hours. */
const MAX_RECHARGES_PER_DAY = 10;

/** What a day costs: every charge rated at the end of UTC day `day`, in cents (credits negative). */
export class Charges {
  private readonly acquisitions = new Map<number, number>();
  private readonly adjustmentsByDay = new Map<number, number>();
  private readonly mrcByMonth = new Map<number, number>();

  constructor(
    private readonly w: World,
    private readonly numbers: readonly SimNumber[],
    adjustments: readonly Adjustment[],
    private readonly book: UsageBook,
  ) {
    for (const n of numbers) {
      const d = dayNumber(n.acquiredAt);
      let c = 0;
      for (const s of n.services) c += s.mrcCents + (s.otcCents ?? 0);
      this.acquisitions.set(d, (this.acquisitions.get(d) ?? 0) + c);
    }
    for (const a of adjustments) this.adjustmentsByDay.set(dayNumber(a.date), (this.adjustmentsByDay.get(dayNumber(a.date)) ?? 0) + a.cents);
  }

  /** MRC of the numbers held when the month starts (the summary's existing_mrc), billed on the 1st. */
  private existingMrc(monthStartDay: number): number {
    let c = this.mrcByMonth.get(monthStartDay);
    if (c === undefined) {
      const start = monthStartDay * DAY;
      const end = addUtcMonths(new Date(start), 1).getTime();
      c = 0;
      for (const n of this.numbers) {
        if (n.acquiredAt.getTime() >= start) continue;
        if (n.releasedAt && n.releasedAt.getTime() < start) continue;
        if (n.acquiredAt.getTime() >= end) continue;
        for (const s of n.services) c += s.mrcCents;
      }
      this.mrcByMonth.set(monthStartDay, c);
    }
    return c;
  }

  usageCents(day: number): number {
    let micros = 0;
    for (const t of DETAIL_TYPES) for (const [, x] of this.book.rollup(t, day)) micros += x.micros;
    return micros / MICROS_PER_CENT;
  }

  dayCents(day: number): number {
    const first = new Date(day * DAY).getUTCDate() === 1;
    let c = this.usageCents(day) + (this.acquisitions.get(day) ?? 0) + (this.adjustmentsByDay.get(day) ?? 0);
    if (first && day * DAY >= this.w.profile.createdAt.getTime()) c += this.existingMrc(day) + this.w.profile.tenDlcCampaigns * CAMPAIGN_FEE.centsEach;
    return c;
  }
}

export interface PrefChange {
  at: number;
  /** The settings after this change. */
  prefs: Prefs;
  changes: AuditChange[];
  by: "account_owner" | "organization_member";
  userId: string;
}

function prefsJson(p: Prefs): Record<string, unknown> {
  return {
    threshold_amount: formatCents(p.thresholdCents),
    recharge_amount: formatCents(p.rechargeCents),
    enabled: p.enabled,
    invoice_enabled: p.invoiceEnabled,
    preference: p.preference,
  };
}

/** The audit changes between two settings, in the PATCH body's field names and formats. */
export function prefsDiff(before: Prefs, after: Prefs): AuditChange[] {
  const a = prefsJson(before);
  const b = prefsJson(after);
  return Object.keys(b)
    .filter((k) => a[k] !== b[k])
    .map((field) => ({ field, from: a[field], to: b[field] }));
}

/**
 * Settings changes from `from` to `to`, oldest first, each starting where the previous one left
 * off and the last leaving today's settings. Built backwards from today's.
 */
function prefHistory(w: World, fromMs: number, toMs: number): { initial: Prefs; changes: PrefChange[] } {
  const rng = rngFor(w.seed, "prefs-history");
  const n = rng.int(3, 6);
  const times = Array.from({ length: n }, () => fromMs + Math.floor(rng.next() * (toMs - fromMs))).sort((a, b) => a - b);
  let after: Prefs = { ...w.profile.autoRecharge };
  const changes: PrefChange[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const before: Prefs = { ...after };
    const what = rng.int(0, 2);
    if (what === 0) before.thresholdCents = rng.pick([5_000, 10_000, 10_400, 15_000, 25_000].filter((v) => v !== after.thresholdCents));
    else if (what === 1) before.rechargeCents = rng.pick([5_000, 10_000, 10_400, 20_000].filter((v) => v !== after.rechargeCents));
    else {
      before.thresholdCents = rng.pick([5_000, 10_000, 25_000].filter((v) => v !== after.thresholdCents));
      before.invoiceEnabled = !after.invoiceEnabled;
    }
    const member = rng.chance(0.7) ? w.profile.members[0]! : rng.pick(w.profile.members.slice(1));
    changes.unshift({
      at: times[k]!,
      prefs: after,
      changes: prefsDiff(before, after),
      by: member.id === w.profile.userId ? "account_owner" : "organization_member",
      userId: member.id,
    });
    after = before;
  }
  return { initial: after, changes };
}

/** A payment event as the audit log shows it. */
export function paymentEvent(w: World, id: string, paymentId: string, at: number, cents: number, balanceBefore: number, auto: boolean): AuditEvent {
  return {
    id,
    user_id: auto ? w.profile.telnyxStaffId : w.profile.userId,
    record_type: "payment",
    resource_id: paymentId,
    alternate_resource_id: null,
    change_made_by: auto ? "telnyx" : "account_owner",
    changes: [
      { field: "amount", from: null, to: formatCents(cents) },
      { field: "balance", from: formatCents(balanceBefore), to: formatCents(balanceBefore + cents) },
      ...(auto ? [{ field: "auto_recharge", from: null, to: true }] : []),
    ],
    organization_id: w.profile.organizationId,
    change_type: "create",
    created_at: isoDateTime(at),
  };
}

/** Tops the balance up if auto-recharge is on and it is below the threshold (at most 10 times in 24 hours). */
export function maybeRecharge(
  prefs: Prefs,
  balanceCents: number,
  at: number,
  recent: number[],
): number {
  if (!prefs.enabled || balanceCents >= prefs.thresholdCents) return 0;
  while (recent.length && recent[0]! <= at - DAY) recent.shift();
  if (recent.length >= MAX_RECHARGES_PER_DAY) return 0;
  recent.push(at);
  return prefs.thresholdCents + prefs.rechargeCents - balanceCents;
}

export interface History {
  /** The balance after the last day that ended before `until`. */
  balanceCents: number;
  creditLimitCents: number;
  prefs: Prefs;
  /** Settings changes and payments, oldest first. */
  events: AuditEvent[];
  /** Start of the first day not yet rated (ms). */
  ratedThrough: number;
  recentRecharges: number[];
}

/**
 * The account from 12 months before the anchor month until `until`: a seeded starting balance,
 * each day's charges debited at its end, auto-recharges, invoice payments on credit lines, and the
 * settings chain. The balance served today is where this ends.
 */
export function simulateHistory(w: World, charges: Charges, invoicesPaid: (monthStart: number) => boolean, until: Date): History {
  const start = addUtcMonths(w.anchor, -12).getTime();
  const lastBoundary = Math.floor(until.getTime() / DAY) * DAY;
  // The settings chain ends before the anchor month, so every day of the month sees the same past.
  const { initial, changes } = prefHistory(w, start, w.anchor.getTime());
  const rng = rngFor(w.seed, "account-history");
  let prefs = initial;
  let balance = w.profile.balanceCents;
  const events: AuditEvent[] = [];
  const recent: number[] = [];
  let ci = 0;
  let k = 0;
  const monthTotals = new Map<number, number>();
  for (let day = start / DAY; (day + 1) * DAY <= lastBoundary; day++) {
    const end = (day + 1) * DAY;
    while (ci < changes.length && changes[ci]!.at < end) {
      const c = changes[ci++]!;
      prefs = c.prefs;
      events.push({
        id: rng.uniqueUuid(k++),
        user_id: c.userId,
        record_type: "auto_recharge_pref",
        resource_id: w.profile.autoRecharge.id,
        alternate_resource_id: null,
        change_made_by: c.by,
        changes: c.changes,
        organization_id: w.profile.organizationId,
        change_type: "update",
        created_at: isoDateTime(c.at),
      });
    }
    const cents = charges.dayCents(day);
    balance -= cents;
    const month = startOfUtcMonth(day * DAY).getTime();
    monthTotals.set(month, (monthTotals.get(month) ?? 0) + cents);
    const top = maybeRecharge(prefs, balance, end, recent);
    if (top > 0) {
      events.push(paymentEvent(w, rng.uniqueUuid(k++), rng.uuid(), end + 1_000, top, balance, true));
      balance += top;
    }
    // Now and then the owner of a prepaid account adds funds in the portal at a month's start.
    const portalAt = end + 14 * 3_600_000;
    if (!w.profile.creditLine && new Date(end).getUTCDate() === 1 && portalAt <= until.getTime() && rng.chance(0.3)) {
      const added = rng.pick([10_000, 20_000, 25_000, 50_000]);
      events.push(paymentEvent(w, rng.uniqueUuid(k++), rng.uuid(), portalAt, added, balance, false));
      balance += added;
    }
    // Credit lines pay last month's invoice by ACH on the 10th (the newest ones are still unpaid).
    if (w.profile.creditLine && new Date(end).getUTCDate() === 10) {
      const billed = addUtcMonths(new Date(month), -1).getTime();
      const due = monthTotals.get(billed) ?? 0;
      if (due > 0 && invoicesPaid(billed)) {
        events.push(paymentEvent(w, rng.uniqueUuid(k++), rng.uuid(), end + 9 * 3_600_000, due, balance, false));
        balance += due;
      }
    }
  }
  // A credit line is sized for the account: room for a few months of charges.
  let creditLimit = w.profile.creditLimitCents;
  if (w.profile.creditLine) {
    const monthly = Math.max(0, ...monthTotals.values());
    creditLimit = Math.max(creditLimit, Math.ceil((Math.max(0, -balance) + 2 * monthly) / 50_000) * 50_000);
  }
  return { balanceCents: balance, creditLimitCents: creditLimit, prefs, events, ratedThrough: lastBoundary, recentRecharges: recent };
}
