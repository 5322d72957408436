// Phone numbers, their recurring charges, daily usage and adjustments; and from those the charges
// summary and per-number breakdown for any UTC range [start, end). Amounts are integer cents and
// every total is a sum of the same integers the lines show, so the two reports always agree.
import { formatCents } from "../money";
import { rngFor } from "../rng";
import { DAY, addUtcDays, addUtcMonths, isoDate, startOfUtcDay, startOfUtcMonth } from "../time";
import { CAMPAIGN_FEE, MICROS_PER_CENT, USAGE_LINES, dayNumber, type UsageBook } from "./usage";
import type { World } from "./world";

export type ChargeType = "local" | "toll_free" | "international";

interface RecurringService {
  name: string;
  alias: string;
  mrcCents: number;
  otcCents: number | null;
}

const BASE_SERVICE: Record<ChargeType, RecurringService> = {
  local: { name: "Local DIDs", alias: "local", mrcCents: 100, otcCents: 100 },
  toll_free: { name: "Toll-Free DIDs", alias: "toll_free", mrcCents: 200, otcCents: 100 },
  international: { name: "International DIDs", alias: "international", mrcCents: 300, otcCents: 0 },
};
const FEATURES = {
  e911: { name: "E911 Address", alias: "e911", mrcCents: 150, otcCents: null },
  cnam: { name: "CNAM Listing", alias: "cnam_listing", mrcCents: 50, otcCents: null },
} as const satisfies Record<string, RecurringService>;
const RECURRING_ORDER = ["local", "toll_free", "international", "e911", "cnam_listing"];

export interface SimNumber {
  tn: string;
  chargeType: ChargeType;
  services: RecurringService[];
  acquiredAt: Date;
  releasedAt: Date | null;
  ownerId: string;
  ownerEmail: string;
}

// Fictional ranges only: NXX-555-01XX in the US (100 per area code) and 020 7946 0XXX in the UK.
const AREA_CODES = [
  201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240, 248, 251, 252,
  253, 254, 256, 260, 262, 267, 269, 270, 276, 281, 301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320,
  321, 323, 325, 330, 331, 334, 336, 337, 339, 347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414,
  415, 417, 419, 423, 424, 425, 430, 432, 434, 435, 440, 442, 443, 458, 469, 470, 475, 478, 479, 480, 484, 501, 502, 503, 504, 505, 507, 508,
  509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 531, 534, 539, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585,
];
const TOLL_FREE = [800, 833, 844, 855, 866, 877, 888];

function tnFor(type: ChargeType, k: number): string {
  if (type === "local") {
    const ac = AREA_CODES[k % AREA_CODES.length]!;
    const line = 100 + Math.floor(k / AREA_CODES.length);
    return `+1${ac}555${String(line).padStart(4, "0")}`;
  }
  if (type === "toll_free") {
    const ac = TOLL_FREE[k % TOLL_FREE.length]!;
    return `+1${ac}555${String(100 + Math.floor(k / TOLL_FREE.length)).padStart(4, "0")}`;
  }
  return `+44207946${String(k).padStart(4, "0")}`;
}

export function buildNumbers(w: World): SimNumber[] {
  const { activeNumbers, newThisMonth, releasedNumbers } = w.sizes;
  const total = activeNumbers + newThisMonth + releasedNumbers;
  const counters: Record<ChargeType, number> = { local: 0, toll_free: 0, international: 0 };
  const out: SimNumber[] = [];
  const historyDays = Math.round((w.anchor.getTime() - w.profile.createdAt.getTime()) / DAY);
  for (let i = 0; i < total; i++) {
    const rng = rngFor(w.seed, "number", i);
    let chargeType: ChargeType = rng.weighted<ChargeType>([
      ["local", 78],
      ["toll_free", 14],
      ["international", 8],
    ]);
    // The UK fictional range holds 1,000 numbers and the toll-free one 700.
    if (chargeType === "international" && counters.international >= 1_000) chargeType = "local";
    if (chargeType === "toll_free" && counters.toll_free >= 700) chargeType = "local";
    const tn = tnFor(chargeType, counters[chargeType]++);
    let acquiredAt: Date;
    let releasedAt: Date | null = null;
    if (i < activeNumbers) {
      // Older numbers are more common than new ones: skew the age towards the account's start.
      const age = Math.floor(Math.sqrt(rng.next()) * historyDays);
      acquiredAt = new Date(w.anchor.getTime() - Math.max(1, age) * DAY);
    } else if (i < activeNumbers + newThisMonth) {
      acquiredAt = addUtcDays(w.anchor, rng.int(0, 27));
    } else {
      const age = rng.int(60, historyDays);
      acquiredAt = new Date(w.anchor.getTime() - age * DAY);
      releasedAt = addUtcDays(acquiredAt, rng.int(30, age - 1));
    }
    const services: RecurringService[] = [BASE_SERVICE[chargeType]];
    if (chargeType === "local" && rng.chance(0.3)) services.push(FEATURES.e911);
    if (chargeType === "local" && rng.chance(0.25)) services.push(FEATURES.cnam);
    const owner = rng.chance(0.85) ? w.profile.members[0]! : rng.pick(w.profile.members.slice(1));
    out.push({ tn, chargeType, services, acquiredAt, releasedAt, ownerId: owner.id, ownerEmail: owner.email });
  }
  out.sort((a, b) => (a.tn < b.tn ? -1 : a.tn > b.tn ? 1 : 0));
  return out;
}

export interface Adjustment {
  kind: "credit" | "ledger";
  cents: number;
  description: string;
  date: Date;
}

export function buildAdjustments(w: World): Adjustment[] {
  const out: Adjustment[] = [];
  for (let m = startOfUtcMonth(w.profile.createdAt); m.getTime() < w.anchorEnd.getTime(); m = addUtcMonths(m, 1)) {
    const rng = rngFor(w.seed, "adjustments", isoDate(m));
    const days = Math.round((addUtcMonths(m, 1).getTime() - m.getTime()) / DAY);
    if (rng.chance(0.35)) {
      out.push({
        kind: "credit",
        cents: -rng.int(5, 60) * 100 - rng.pick([0, 0, 50]),
        description: rng.pick(["Service credit: messaging delivery incident", "Service credit: voice outage (SLA)", "Goodwill credit", "Promotional credit"]),
        date: addUtcDays(m, rng.int(0, days - 1)),
      });
    }
    if (rng.chance(0.2)) {
      const positive = rng.chance(0.6);
      out.push({
        kind: "ledger",
        cents: (positive ? 1 : -1) * rng.int(25, 2_500),
        description: positive ? rng.pick(["Regulatory cost recovery", "Late payment fee"]) : rng.pick(["Tax adjustment", "Billing correction"]),
        date: addUtcDays(m, rng.int(0, days - 1)),
      });
    }
    // The last closed month always has both kinds, so a month close has adjustments to carry
    // (FOCUS Credit and Adjustment rows, the summary's credits and ledger_adjustments totals).
    if (addUtcMonths(m, 1).getTime() === w.anchor.getTime()) {
      const kinds = new Set(out.filter((a) => a.date.getTime() >= m.getTime()).map((a) => a.kind));
      if (!kinds.has("credit"))
        out.push({ kind: "credit", cents: -rng.int(5, 60) * 100, description: "Service credit: messaging delivery incident", date: addUtcDays(m, rng.int(0, days - 1)) });
      if (!kinds.has("ledger"))
        out.push({ kind: "ledger", cents: rng.int(25, 2_500), description: "Regulatory cost recovery", date: addUtcDays(m, rng.int(0, days - 1)) });
    }
  }
  return out;
}

export interface RangeArgs {
  start: Date;
  /** Exclusive. */
  end: Date;
  now: Date;
}

function activeIn(n: SimNumber, a: RangeArgs): "new" | "existing" | null {
  const acquired = n.acquiredAt.getTime();
  if (acquired > a.now.getTime()) return null; // not bought yet
  if (acquired >= a.end.getTime()) return null;
  if (n.releasedAt && n.releasedAt.getTime() < a.start.getTime()) return null;
  return acquired >= a.start.getTime() ? "new" : "existing";
}

export interface SummaryData {
  lines: Record<string, unknown>[];
  adjustments: { amount: string; description: string; event_date: string }[];
  total: {
    new_mrc: string;
    new_otc: string;
    existing_mrc: string;
    other: string;
    credits: string;
    ledger_adjustments: string;
    grand_total: string;
  };
  /** The same figures in cents, for tests and the invoice PDF. */
  cents: { newMrc: number; newOtc: number; existingMrc: number; other: number; credits: number; ledger: number; grandTotal: number };
}

/** First days of a month in [fromMs, toMs) on which the account existed (10DLC campaign fees are billed then). */
function campaignFeeDays(w: World, fromMs: number, toMs: number): number {
  let n = 0;
  for (let t = startOfUtcDay(fromMs).getTime(); t < toMs; t += DAY) if (new Date(t).getUTCDate() === 1 && t >= w.profile.createdAt.getTime()) n++;
  return n;
}

export function computeSummary(w: World, numbers: readonly SimNumber[], adjustments: readonly Adjustment[], book: UsageBook, a: RangeArgs): SummaryData {
  const comp = new Map<string, { name: string; alias: string; newQ: number; newMrc: number; newOtc: number | null; exQ: number; exMrc: number }>();
  // Number lines always show a one-time amount ("0.00" if nothing new); feature lines have none.
  for (const alias of RECURRING_ORDER) comp.set(alias, { name: "", alias, newQ: 0, newMrc: 0, newOtc: alias in BASE_SERVICE ? 0 : null, exQ: 0, exMrc: 0 });
  for (const n of numbers) {
    const kind = activeIn(n, a);
    if (!kind) continue;
    for (const s of n.services) {
      const c = comp.get(s.alias)!;
      c.name = s.name;
      if (kind === "new") {
        c.newQ++;
        c.newMrc += s.mrcCents;
        if (s.otcCents !== null) c.newOtc = (c.newOtc ?? 0) + s.otcCents;
      } else {
        c.exQ++;
        c.exMrc += s.mrcCents;
      }
    }
  }
  const lines: Record<string, unknown>[] = [];
  let newMrc = 0;
  let newOtc = 0;
  let existingMrc = 0;
  for (const c of comp.values()) {
    if (c.newQ === 0 && c.exQ === 0) continue;
    newMrc += c.newMrc;
    newOtc += c.newOtc ?? 0;
    existingMrc += c.exMrc;
    lines.push({
      type: "comparative",
      name: c.name,
      alias: c.alias,
      new_this_month: { quantity: c.newQ, mrc: formatCents(c.newMrc), otc: c.newOtc === null ? null : formatCents(c.newOtc) },
      existing_this_month: { quantity: c.exQ, mrc: formatCents(c.exMrc) },
    });
  }
  // Usage is rated per whole UTC day once the day is over: the day's detail records, summed.
  const lastDay = Math.min(a.end.getTime(), startOfUtcDay(a.now).getTime());
  let other = 0;
  const usage = book.totals(dayNumber(a.start), Math.max(dayNumber(a.start), Math.ceil(lastDay / DAY)));
  for (const line of USAGE_LINES) {
    const t = usage.get(line.alias);
    if (!t || t.units === 0) continue;
    const cents = t.micros / MICROS_PER_CENT; // whole by construction (see usage.ts)
    other += cents;
    lines.push({ type: "simple", name: line.name, alias: line.alias, quantity: Math.round(t.units / (line.unitsPerQuantity ?? 1)), amount: formatCents(cents) });
  }
  const campaigns = campaignFeeDays(w, a.start.getTime(), lastDay);
  if (campaigns > 0) {
    const q = campaigns * w.profile.tenDlcCampaigns;
    other += q * CAMPAIGN_FEE.centsEach;
    lines.push({ type: "simple", name: CAMPAIGN_FEE.name, alias: CAMPAIGN_FEE.alias, quantity: q, amount: formatCents(q * CAMPAIGN_FEE.centsEach) });
  }
  let credits = 0;
  let ledger = 0;
  const adj: SummaryData["adjustments"] = [];
  for (const x of adjustments) {
    const t = x.date.getTime();
    if (t < a.start.getTime() || t >= a.end.getTime() || t > a.now.getTime()) continue;
    if (x.kind === "credit") credits += x.cents;
    else ledger += x.cents;
    adj.push({ amount: formatCents(x.cents), description: x.description, event_date: isoDate(x.date) });
  }
  const grandTotal = newMrc + newOtc + existingMrc + other + credits + ledger;
  return {
    lines,
    adjustments: adj,
    total: {
      new_mrc: formatCents(newMrc),
      new_otc: formatCents(newOtc),
      existing_mrc: formatCents(existingMrc),
      other: formatCents(other),
      credits: formatCents(credits),
      ledger_adjustments: formatCents(ledger),
      grand_total: formatCents(grandTotal),
    },
    cents: { newMrc, newOtc, existingMrc, other, credits, ledger, grandTotal },
  };
}

export interface BreakdownRow {
  tn: string;
  charge_type: ChargeType;
  service_owner_user_id: string;
  service_owner_email: string;
  services: { cost_type: "MRC" | "OTC"; name: string; cost: string }[];
}

export function computeBreakdown(numbers: readonly SimNumber[], a: RangeArgs): BreakdownRow[] {
  const out: BreakdownRow[] = [];
  for (const n of numbers) {
    const kind = activeIn(n, a);
    if (!kind) continue;
    const services: BreakdownRow["services"] = [];
    for (const s of n.services) services.push({ cost_type: "MRC", name: s.name, cost: formatCents(s.mrcCents) });
    if (kind === "new") {
      for (const s of n.services) if (s.otcCents !== null) services.push({ cost_type: "OTC", name: s.name, cost: formatCents(s.otcCents) });
    }
    out.push({ tn: n.tn, charge_type: n.chargeType, service_owner_user_id: n.ownerId, service_owner_email: n.ownerEmail, services });
  }
  return out;
}
