// Usage, one account: each UTC day's detail records are planned first (how many of each kind, how
// many units each), and the charges summary's usage lines are the sums of those same records. So
// detail records and charges can never disagree.
//
// Money is in micro-dollars (integers). Each (kind, day) plan fills a unit total that is a multiple
// of the kind's modulus, chosen so that every line's day total is a whole number of cents: records
// keep realistic sub-cent costs ($0.0070 a message), and their sums are still exact in cents.
import { rngFor, unitHash, type Rng } from "../rng";
import { DAY } from "../time";
import { DETAIL_TYPES, type DetailType, type World } from "./world";

export const MICROS_PER_CENT = 10_000;

export interface UsageLine {
  alias: string;
  name: string;
  /** Units per summary quantity (wireless units are 0.0001 MB; its line counts MB). */
  unitsPerQuantity?: number;
}

/** The usage lines of the charges summary that detail records rate into, in summary order. */
export const USAGE_LINES: readonly UsageLine[] = [
  { alias: "sms_outbound", name: "Outbound SMS" },
  { alias: "sms_inbound", name: "Inbound SMS" },
  { alias: "mms_outbound", name: "Outbound MMS" },
  { alias: "carrier_fees", name: "Carrier Passthrough Fees" },
  { alias: "voice_outbound", name: "Outbound Voice Minutes" },
  { alias: "voice_inbound", name: "Inbound Voice Minutes" },
  { alias: "tollfree_inbound", name: "Toll-Free Inbound Minutes" },
  { alias: "conference", name: "Conferencing Minutes" },
  { alias: "amd", name: "Answering Machine Detection" },
  { alias: "amd_premium", name: "Premium Answering Machine Detection" },
  { alias: "verify", name: "Verify (SMS)" },
  { alias: "verify_call", name: "Verify (Call)" },
  { alias: "verify_flashcall", name: "Verify (Flash Call)" },
  { alias: "wireless_data", name: "Wireless Data (MB)", unitsPerQuantity: 10_000 },
  { alias: "media_storage", name: "Media Storage Operations" },
];

/** A monthly fee with no detail records: billed on the 1st (10DLC campaigns). */
export const CAMPAIGN_FEE = { alias: "10dlc_campaign", name: "10DLC Campaign Fees", centsEach: 1_500 } as const;

export interface Kind {
  key: string;
  /** Share of the type's records. */
  share: number;
  weekendFactor: number;
  /** Units of one record: [value, weight] pairs. */
  units: ReadonlyArray<readonly [number, number]> | readonly [number, number];
  /** Lines this kind rates into, with micro-dollars per unit. */
  lines: ReadonlyArray<readonly [alias: string, microsPerUnit: number]>;
}

const range = (min: number, max: number) => [min, max] as const;

export const KINDS: Record<DetailType, readonly Kind[]> = {
  messaging: [
    { key: "sms_out", share: 0.55, weekendFactor: 0.45, units: [[1, 75], [2, 20], [3, 5]], lines: [["sms_outbound", 4_000], ["carrier_fees", 3_000]] },
    { key: "sms_in", share: 0.38, weekendFactor: 0.5, units: [[1, 85], [2, 15]], lines: [["sms_inbound", 4_000]] },
    { key: "mms_out", share: 0.07, weekendFactor: 0.5, units: [[1, 1]], lines: [["mms_outbound", 15_000], ["carrier_fees", 5_000]] },
  ],
  "conference-participant": [
    { key: "pstn_in", share: 0.4, weekendFactor: 0.3, units: range(1, 45), lines: [["voice_inbound", 3_500]] },
    { key: "tollfree_in", share: 0.15, weekendFactor: 0.4, units: range(1, 30), lines: [["tollfree_inbound", 13_000]] },
    { key: "pstn_out", share: 0.25, weekendFactor: 0.3, units: range(1, 40), lines: [["voice_outbound", 7_000]] },
    { key: "sip", share: 0.2, weekendFactor: 0.1, units: range(5, 60), lines: [["conference", 2_000]] },
  ],
  conference: [{ key: "conference", share: 1, weekendFactor: 0.1, units: [[1, 1]], lines: [] }],
  amd: [
    { key: "standard", share: 0.7, weekendFactor: 0.2, units: [[1, 1]], lines: [["amd", 2_000]] },
    { key: "premium", share: 0.3, weekendFactor: 0.2, units: [[1, 1]], lines: [["amd_premium", 6_500]] },
  ],
  verify: [
    { key: "sms", share: 0.8, weekendFactor: 0.7, units: [[1, 1]], lines: [["verify", 30_000]] },
    { key: "call", share: 0.12, weekendFactor: 0.7, units: [[1, 1]], lines: [["verify_call", 35_000]] },
    { key: "flashcall", share: 0.08, weekendFactor: 0.7, units: [[1, 1]], lines: [["verify_flashcall", 20_000]] },
  ],
  // Units of 0.0001 MB at $0.06 per MB.
  wireless: [{ key: "data", share: 1, weekendFactor: 0.9, units: range(1, 40_000), lines: [["wireless_data", 6]] }],
  media_storage: [{ key: "event", share: 1, weekendFactor: 1, units: [[1, 1]], lines: [["media_storage", 5_000]] }],
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The smallest unit count whose cost is whole cents on every line of the kind. */
function kindModulus(k: Kind): number {
  let m = 1;
  for (const [, micros] of k.lines) {
    const need = MICROS_PER_CENT / gcd(MICROS_PER_CENT, micros);
    m = (m * need) / gcd(m, need);
  }
  return m;
}

function meanUnits(k: Kind): number {
  if (typeof k.units[0] === "number") return ((k.units[0] as number) + (k.units[1] as number)) / 2;
  let w = 0;
  let s = 0;
  for (const [v, wt] of k.units as ReadonlyArray<readonly [number, number]>) {
    s += v * wt;
    w += wt;
  }
  return s / w;
}

const KIND_FACTS = Object.fromEntries(
  DETAIL_TYPES.map((t) => [t, KINDS[t].map((k) => ({ k, m: kindModulus(k), mean: meanUnits(k) }))]),
) as Record<DetailType, Array<{ k: Kind; m: number; mean: number }>>;

function drawUnits(rng: Rng, k: Kind): number {
  if (typeof k.units[0] === "number") return rng.int(k.units[0] as number, k.units[1] as number);
  return rng.weighted(k.units as ReadonlyArray<readonly [number, number]>);
}

/** The records of one type on one UTC day: kind index and units of each, in time order. */
export interface DayPlan {
  count: number;
  kinds: Uint8Array;
  units: Uint32Array;
}

export interface LineTotal {
  units: number;
  micros: number;
}

/** Per line alias: units and micro-dollars. */
export type Rollup = Map<string, LineTotal>;

const DAYS_IN_RECORD_WINDOW = 91;

export function dayNumber(t: Date | number): number {
  return Math.floor(new Date(t).getTime() / DAY);
}

/** How busy the account is on a day, relative to its usual day (grows over its first two years). */
function activity(w: World, type: DetailType, day: number): number {
  const created = dayNumber(w.profile.createdAt);
  if (day < created) return 0;
  const monthsIn = (day - created) / 30;
  const growth = Math.min(1, 0.35 + monthsIn * 0.03);
  return growth * (0.7 + unitHash(w.seed, "usage", type, day) * 0.6);
}

/** Records of one type in a day stay below this (ids encode the index in 16 bits); spikes are capped to keep it so. */
const MAX_RECORDS_PER_DAY = 65_536;

/**
 * Units each kind of a type fills on a day: a multiple of the kind's modulus (so every line's day
 * total is whole cents). Cheap: the charges summary and the balance need only these, not records.
 */
export function dayTargets(w: World, type: DetailType, day: number, spikeFactor = 1): number[] {
  const a = activity(w, type, day) * spikeFactor;
  if (a <= 0) return KINDS[type].map(() => 0);
  const dow = new Date(day * DAY).getUTCDay();
  const weekend = dow === 0 || dow === 6;
  const perDay = w.sizes.detailRecords[type] / DAYS_IN_RECORD_WINDOW;
  return KIND_FACTS[type].map(({ k, m, mean }) => {
    // Normalised so that a usual week averages perDay records.
    const records = (perDay * k.share * a * (weekend ? k.weekendFactor : 1) * 7) / (5 + 2 * k.weekendFactor);
    return Math.round((records * mean) / m) * m;
  });
}

export function planDay(w: World, type: DetailType, day: number, spikeFactor = 1): DayPlan {
  const targets = dayTargets(w, type, day, spikeFactor);
  const kinds: number[] = [];
  const units: number[] = [];
  const rng = rngFor(w.seed, "plan", type, day);
  KINDS[type].forEach((k, ki) => {
    for (let left = targets[ki]!; left > 0; ) {
      const u = Math.min(left, drawUnits(rng, k));
      kinds.push(ki);
      units.push(u);
      left -= u;
    }
  });
  if (kinds.length > MAX_RECORDS_PER_DAY) throw new Error(`too many ${type} records on day ${day}: ${kinds.length}`);
  // Kinds interleave through the day.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const k = kinds[i]!;
    kinds[i] = kinds[j]!;
    kinds[j] = k;
    const u = units[i]!;
    units[i] = units[j]!;
    units[j] = u;
  }
  return { count: kinds.length, kinds: Uint8Array.from(kinds), units: Uint32Array.from(units) };
}

/** Micro-dollars of one record, per line and in all. */
export function recordMicros(type: DetailType, kind: number, units: number): number {
  let total = 0;
  for (const [, micros] of KINDS[type][kind]!.lines) total += micros * units;
  return total;
}

/** Line totals of a day from the kinds' unit targets (what its records add up to). */
export function rollupOf(type: DetailType, targets: readonly number[]): Rollup {
  const out: Rollup = new Map();
  KINDS[type].forEach((k, ki) => {
    const u = targets[ki]!;
    if (u === 0) return;
    for (const [alias, micros] of k.lines) {
      const t = out.get(alias) ?? { units: 0, micros: 0 };
      t.units += u;
      t.micros += micros * u;
      out.set(alias, t);
    }
  });
  return out;
}

/** Line totals of a day counted from its records (tests check it equals rollupOf). */
export function rollupOfPlan(type: DetailType, plan: DayPlan): Rollup {
  const units = KINDS[type].map(() => 0);
  for (let i = 0; i < plan.count; i++) units[plan.kinds[i]!]! += plan.units[i]!;
  return rollupOf(type, units);
}

/** The record type each usage line's records have. */
export const LINE_RECORD_TYPE: ReadonlyMap<string, DetailType> = new Map(
  DETAIL_TYPES.flatMap((t) => KINDS[t].flatMap((k) => k.lines.map(([alias]) => [alias, t] as const))),
);


/** A timeline whose records are bucketed by UTC day: index i is record j of day d. */
export interface DayTimeline {
  count: number;
  ts(i: number): number;
  locate(i: number): { day: number; j: number };
}

/**
 * One account's usage with its test-set spikes: day plans (cached), per-day rollups, and the
 * timelines detail-record lists page through. Rollups of days that ended are what the charges
 * summary rates and what the balance is debited.
 */
export class UsageBook {
  private readonly plans = new Map<string, DayPlan>();
  private readonly rollups = new Map<string, Rollup>();
  private readonly timelines = new Map<DetailType, DayTimeline>();
  /** `${type}:${day}` → factor (a spike multiplies the day's activity). */
  readonly spikes = new Map<string, number>();

  constructor(readonly world: World) {}

  plan(type: DetailType, day: number): DayPlan {
    const key = `${type}:${day}`;
    let p = this.plans.get(key);
    if (!p) {
      p = planDay(this.world, type, day, this.spikes.get(key) ?? 1);
      // Plans are cheap to rebuild; keep the recent ones (the record window) bounded.
      if (this.plans.size > 2_000) this.plans.clear();
      this.plans.set(key, p);
    }
    return p;
  }

  rollup(type: DetailType, day: number): Rollup {
    const key = `${type}:${day}`;
    let r = this.rollups.get(key);
    if (!r) {
      r = rollupOf(type, dayTargets(this.world, type, day, this.spikes.get(key) ?? 1));
      this.rollups.set(key, r);
    }
    return r;
  }

  /** Usage lines of the whole UTC days [fromDay, toDay): alias → units and micro-dollars. */
  totals(fromDay: number, toDay: number): Map<string, LineTotal> {
    const out = new Map<string, LineTotal>();
    for (let d = fromDay; d < toDay; d++)
      for (const type of DETAIL_TYPES)
        for (const [alias, t] of this.rollup(type, d)) {
          const o = out.get(alias) ?? { units: 0, micros: 0 };
          o.units += t.units;
          o.micros += t.micros;
          out.set(alias, o);
        }
    return out;
  }

  setSpike(type: DetailType, day: number, factor: number): void {
    const key = `${type}:${day}`;
    this.spikes.set(key, factor);
    this.plans.delete(key);
    this.rollups.delete(key);
    this.timelines.delete(type);
  }

  /** Records of a type from the window's first day up to the anchor month's end (future ones exist but are not served yet). */
  timeline(type: DetailType, windowStart: Date): DayTimeline {
    let tl = this.timelines.get(type);
    if (tl) return tl;
    const first = dayNumber(windowStart);
    const last = dayNumber(this.world.anchorEnd);
    const prefix = new Int32Array(last - first + 1);
    for (let d = first; d < last; d++) prefix[d - first + 1] = prefix[d - first]! + this.plan(type, d).count;
    const count = prefix[prefix.length - 1]!;
    const seed = this.world.seed;
    const locate = (i: number) => {
      let lo = 0;
      let hi = prefix.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (prefix[mid]! <= i) lo = mid;
        else hi = mid;
      }
      return { day: first + lo, j: i - prefix[lo]! };
    };
    const plan = (d: number) => this.plan(type, d);
    tl = {
      count,
      locate,
      ts(i: number): number {
        const { day, j } = locate(i);
        const c = plan(day).count;
        return day * DAY + Math.floor(((j + unitHash(seed, "cdr-t", type, day, j)) * DAY) / c);
      },
    };
    this.timelines.set(type, tl);
    return tl;
  }
}
