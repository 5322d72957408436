// The simulator's data: generated facts (lazy, cached) and the mutable account state that writes
// change. One Store per seeded state; reset() builds a new one.
import { auditTimeline, type AuditEvent } from "./data/audit";
import { buildAdjustments, buildNumbers, type Adjustment, type SimNumber } from "./data/charges";
import { detailTimeline } from "./data/detail-records";
import { buildInvoices, type SimInvoice } from "./data/invoices";
import { buildTags } from "./data/tags";
import type { Timeline } from "./data/timeline";
import { deliveryId, webhookTimeline } from "./data/webhooks";
import { buildWorld, type DetailType, type Scale, type World } from "./data/world";

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
  private readonly detailTls = new Map<DetailType, Timeline>();
  private numbersMemo?: SimNumber[];
  private adjustmentsMemo?: Adjustment[];
  private invoicesMemo?: SimInvoice[];
  private webhookIdsMemo?: Map<string, number>;
  readonly tags: { number_tags: string[]; outbound_profile_tags: string[] };

  /** Filtered/sorted index lists, so paging through a filtered list does not rescan it per page. */
  readonly listCache = new Lru<string, Int32Array>(16);
  readonly summaryCache = new Lru<string, unknown>(64);
  readonly pdfCache = new Lru<string, Uint8Array>(8);

  // Mutable account state.
  balanceCents: number;
  pendingCents: number;
  creditLimitCents: number;
  autoRecharge: AutoRechargeState;
  /** Events added by writes, oldest first. */
  readonly extraAudit: AuditEvent[] = [];
  readonly transactions = new Map<string, StoredTransaction>();

  constructor(seed: number, scale: Scale, now: Date) {
    this.world = buildWorld(seed, scale, now);
    this.auditTl = auditTimeline(this.world);
    this.webhookTl = webhookTimeline(this.world);
    const p = this.world.profile;
    this.balanceCents = p.balanceCents;
    this.pendingCents = p.pendingCents;
    this.creditLimitCents = p.creditLimitCents;
    this.autoRecharge = { ...p.autoRecharge };
    this.tags = buildTags(seed);
  }

  /** The same account in a new month: data re-anchored, what writes changed carried over. */
  rollover(now: Date): Store {
    const next = new Store(this.world.seed, this.world.scale, now);
    next.balanceCents = this.balanceCents;
    next.pendingCents = this.pendingCents;
    next.creditLimitCents = this.creditLimitCents;
    next.autoRecharge = { ...this.autoRecharge };
    next.extraAudit.push(...this.extraAudit);
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
  detailTl(type: DetailType): Timeline {
    let tl = this.detailTls.get(type);
    if (!tl) {
      tl = detailTimeline(this.world, type);
      this.detailTls.set(type, tl);
    }
    return tl;
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
