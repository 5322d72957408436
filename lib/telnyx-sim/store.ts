// The simulator's data: generated facts (lazy, cached) and the mutable account state that writes
// change. One Store per seeded state; reset() builds a new one.
import { Charges, maybeRecharge, paymentEvent, simulateHistory, type History } from "./data/account";
import { auditTimeline, type AuditEvent } from "./data/audit";
import { buildAdjustments, buildNumbers, type Adjustment, type SimNumber } from "./data/charges";
import { recordWindowStart } from "./data/detail-records";
import { buildInvoices, type SimInvoice } from "./data/invoices";
import { buildTags } from "./data/tags";
import type { Timeline } from "./data/timeline";
import { UsageBook, type DayTimeline } from "./data/usage";
import { FAILED_SHARE, deliveryId, webhookTimeline } from "./data/webhooks";
import { buildWorld, type DetailType, type Scale, type World } from "./data/world";
import { rngFor } from "./rng";
import { DAY } from "./time";

/** A small least-recently-used map. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
  clear(): void {
    this.map.clear();
  }
}

export interface AutoRechargeState {
  id: string;
  thresholdCents: number;
  rechargeCents: number;
  enabled: boolean;
  invoiceEnabled: boolean;
  preference: "credit_paypal" | "ach";
}

export interface StoredTransaction {
  id: string;
  amountCents: number;
  createdAt: string;
  /** The request body it answered, to refuse a reused idempotency key with another amount. */
  bodyKey: string;
}

export class Store {
  readonly world: World;
  readonly auditTl: Timeline;
  readonly webhookTl: Timeline;
  readonly usage: UsageBook;
  private numbersMemo?: SimNumber[];
  private adjustmentsMemo?: Adjustment[];
  private invoicesMemo?: SimInvoice[];
  private webhookIdsMemo?: Map<string, number>;
  readonly tags: { number_tags: string[]; outbound_profile_tags: string[] };

  /** Filtered/sorted index lists, so paging through a filtered list does not rescan it per page. */
  readonly listCache = new Lru<string, Int32Array>(16);
  readonly summaryCache = new Lru<string, unknown>(64);
  readonly pdfCache = new Lru<string, Uint8Array>(8);

  // Mutable account state. The balance and the history are computed on first use (see account.ts).
  private historyMemo?: History;
  private balanceSet?: number;
  pendingCents: number;
  private creditLimitSet?: number;
  autoRecharge: AutoRechargeState;
  /** Events added since the store was created (writes, recharges), oldest first. */
  readonly extraAudit: AuditEvent[] = [];
  private auditMemo?: AuditEvent[];
  readonly transactions = new Map<string, StoredTransaction>();
  /** Start of the first UTC day whose charges are not yet debited. */
  private ratedThroughSet?: number;
  private recentRecharges: number[] = [];
  /** Webhook failure share from a time on (test control), oldest first. */
  readonly failureRates: Array<{ from: number; rate: number }> = [];
  private chargesMemo?: Charges;
  private liveIds = 0;

  constructor(
    seed: number,
    scale: Scale,
    readonly createdAt: Date,
  ) {
    this.world = buildWorld(seed, scale, createdAt);
    this.auditTl = auditTimeline(this.world);
    this.webhookTl = webhookTimeline(this.world);
    this.usage = new UsageBook(this.world);
    const p = this.world.profile;
    this.pendingCents = p.pendingCents;
    this.autoRecharge = { ...p.autoRecharge };
    this.tags = buildTags(seed);
  }

  private get history(): History {
    if (!this.historyMemo) {
      const unpaid = new Set(this.invoices.filter((i) => !i.paid).map((i) => i.periodStart.getTime()));
      this.historyMemo = simulateHistory(this.world, this.charges, (m) => !unpaid.has(m), this.createdAt);
      this.recentRecharges = [...this.historyMemo.recentRecharges];
    }
    return this.historyMemo;
  }

  get charges(): Charges {
    return (this.chargesMemo ??= new Charges(this.world, this.numbers, this.adjustments, this.usage));
  }

  get balanceCents(): number {
    return this.balanceSet ?? this.history.balanceCents;
  }
  set balanceCents(v: number) {
    this.balanceSet = v;
  }
  get creditLimitCents(): number {
    return this.creditLimitSet ?? this.history.creditLimitCents;
  }
  private get ratedThrough(): number {
    return this.ratedThroughSet ?? this.history.ratedThrough;
  }

  /** Generated settings changes and payments, then what happened since: oldest first. */
  get accountAudit(): AuditEvent[] {
    return (this.auditMemo ??= [...this.history.events, ...this.extraAudit].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at)));
  }
  addAudit(e: AuditEvent): void {
    this.extraAudit.push(e);
    this.extraAudit.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    this.auditMemo = undefined;
  }
  /** A fresh id for an event or transaction made now (deterministic per store). */
  nextId(): string {
    return rngFor(this.world.seed, "live", this.createdAt.getTime(), this.liveIds).uniqueUuid(this.liveIds++);
  }

  /**
   * Time passes: each UTC day that ended since the last call is debited (its usage, and on the 1st the
   * month's recurring charges), and auto-recharge fires when the balance falls below the threshold.
   */
  catchUp(now: Date): void {
    const boundary = Math.floor(now.getTime() / DAY) * DAY;
    let through = this.ratedThrough;
    if (boundary <= through) return;
    let balance = this.balanceCents;
    for (; through < boundary; through += DAY) {
      const end = through + DAY;
      balance -= this.charges.dayCents(through / DAY);
      const top = maybeRecharge(this.autoRecharge, balance, end, this.recentRecharges);
      if (top > 0) {
        this.addAudit(paymentEvent(this.world, this.nextId(), this.nextId(), end + 1_000, top, balance, true));
        balance += top;
      }
    }
    this.balanceSet = balance;
    this.ratedThroughSet = through;
  }

  failureShareAt(t: number): number {
    let rate = FAILED_SHARE;
    for (const f of this.failureRates) if (f.from <= t) rate = f.rate;
    return rate;
  }

  /** The same account in a new month: data re-anchored, what happened so far carried over. */
  rollover(now: Date): Store {
    const next = new Store(this.world.seed, this.world.scale, now);
    next.historyMemo = this.history;
    next.balanceSet = this.balanceCents;
    next.pendingCents = this.pendingCents;
    next.creditLimitSet = this.creditLimitCents;
    next.ratedThroughSet = this.ratedThrough;
    next.recentRecharges = [...this.recentRecharges];
    next.autoRecharge = { ...this.autoRecharge };
    next.extraAudit.push(...this.extraAudit);
    next.failureRates.push(...this.failureRates);
    next.liveIds = this.liveIds;
    for (const [k, v] of this.usage.spikes) {
      const [type, day] = k.split(":");
      next.usage.setSpike(type as DetailType, Number(day), v);
    }
    for (const [k, v] of this.transactions) next.transactions.set(k, v);
    return next;
  }

  get numbers(): SimNumber[] {
    return (this.numbersMemo ??= buildNumbers(this.world));
  }
  get adjustments(): Adjustment[] {
    return (this.adjustmentsMemo ??= buildAdjustments(this.world));
  }
  get invoices(): SimInvoice[] {
    return (this.invoicesMemo ??= buildInvoices(this.world));
  }
  detailTl(type: DetailType): DayTimeline {
    return this.usage.timeline(type, recordWindowStart(this.world));
  }
  /** Index of a webhook delivery by id (built on first use). */
  webhookIndex(id: string): number | undefined {
    if (!this.webhookIdsMemo) {
      const m = new Map<string, number>();
      for (let i = 0; i < this.webhookTl.count; i++) m.set(deliveryId(this.world, i), i);
      this.webhookIdsMemo = m;
    }
    return this.webhookIdsMemo.get(id.toLowerCase());
  }
}
