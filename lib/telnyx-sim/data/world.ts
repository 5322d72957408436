// The simulated account's fixed facts: who it is, how big it is, and the month its data is anchored
// to. Everything generated is a pure function of (seed, scale, anchor month).
import { Rng, rngFor } from "../rng";
import { addUtcMonths, startOfUtcMonth, monthKey } from "../time";

export type Scale = "small" | "large";

export interface Sizes {
  /** Numbers held for the whole current month (the breakdown lists at least these). */
  activeNumbers: number;
  /** Extra numbers acquired during the current month. */
  newThisMonth: number;
  /** Numbers that were released at some point. */
  releasedNumbers: number;
  auditEvents: number;
  webhookDeliveries: number;
  detailRecords: Record<DetailType, number>;
  /** Multiplies daily usage volumes. */
  usageFactor: number;
}

export const DETAIL_TYPES = ["messaging", "conference", "conference-participant", "amd", "verify", "wireless", "media_storage"] as const;
export type DetailType = (typeof DETAIL_TYPES)[number];

export const SIZES: Record<Scale, Sizes> = {
  small: {
    activeNumbers: 40,
    newThisMonth: 3,
    releasedNumbers: 4,
    auditEvents: 400,
    webhookDeliveries: 600,
    detailRecords: { messaging: 2_500, conference: 120, "conference-participant": 480, amd: 300, verify: 400, wireless: 800, media_storage: 200 },
    usageFactor: 1,
  },
  large: {
    activeNumbers: 10_000,
    newThisMonth: 150,
    releasedNumbers: 400,
    auditEvents: 50_000,
    webhookDeliveries: 20_000,
    detailRecords: { messaging: 100_000, conference: 1_200, "conference-participant": 4_800, amd: 3_000, verify: 4_000, wireless: 8_000, media_storage: 2_000 },
    usageFactor: 250,
  },
};

export interface Member {
  id: string;
  email: string;
  name: string;
}

export interface Profile {
  company: string;
  domain: string;
  userId: string;
  email: string;
  organizationId: string;
  /** The owner first, then organisation members. */
  members: Member[];
  /** A Telnyx staff member (changes "made by telnyx"). */
  telnyxStaffId: string;
  accountManagerId: string;
  creditLine: boolean;
  balanceCents: number;
  creditLimitCents: number;
  pendingCents: number;
  autoRecharge: {
    id: string;
    thresholdCents: number;
    rechargeCents: number;
    enabled: boolean;
    invoiceEnabled: boolean;
    preference: "credit_paypal" | "ach";
  };
  tenDlcCampaigns: number;
  webhookUrls: string[];
  failoverUrl: string;
  messagingProfiles: { id: string; name: string }[];
  connections: { id: string; name: string }[];
  billingGroups: { id: string; name: string }[];
  /** When the account started using Telnyx (no usage before). */
  createdAt: Date;
}

const COMPANIES: ReadonlyArray<readonly [string, string]> = [
  ["Acme Logistics", "acme-logistics"],
  ["Northwind Health", "northwind-health"],
  ["Bluebird Dental Group", "bluebird-dental"],
  ["Harbor & Pine Realty", "harborpine"],
  ["Kestrel Freight", "kestrel-freight"],
  ["Lumen Field Services", "lumen-fs"],
  ["Maple Street Clinics", "maplestreet"],
  ["Orbit Rideshare", "orbit-rides"],
];

const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Eve", "Farah", "Gus", "Hana", "Ivan", "Jules", "Kofi", "Lena", "Mateo", "Noor", "Owen", "Priya"];
const LAST = ["Okafor", "Lindqvist", "García", "Nakamura", "Schmidt", "O'Brien", "Haddad", "Kowalski", "Moreau", "Singh"];

/** Seeds ending in 7 (7, 17, 27, …) are accounts on a credit line with a negative balance. */
export function isCreditLineSeed(seed: number): boolean {
  return Math.abs(seed) % 10 === 7;
}

function member(rng: Rng, domain: string, used: Set<string>): Member {
  for (;;) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const local = `${first}.${last}`
      .normalize("NFD")
      .replace(/[^A-Za-z.]/g, "")
      .toLowerCase();
    if (used.has(local)) continue;
    used.add(local);
    return { id: rng.uuid(), email: `${local}@${domain}`, name: `${first} ${last}` };
  }
}

export function buildProfile(seed: number): Profile {
  // The profile depends on the seed only, so ids stay the same from one month to the next.
  const rng = rngFor(seed, "profile");
  const [company, slug] = rng.pick(COMPANIES);
  const domain = `${slug}.example`;
  const used = new Set<string>();
  const owner = { id: rng.uuid(), email: `billing@${domain}`, name: `${company} Billing` };
  const members = [owner, ...Array.from({ length: 4 }, () => member(rng, domain, used))];
  const creditLine = isCreditLineSeed(seed);
  // A year ago: a prepaid account started with a few months' worth at most, so its history has
  // top-ups (auto-recharges, and now and then a payment made in the portal) as a real one does.
  const balanceCents = creditLine ? -rng.int(5_000, 40_000) : rng.int(15_000, 60_000);
  const creditLimitCents = creditLine ? rng.pick([50_000, 100_000, 250_000]) : 0;
  const pendingCents = rng.chance(0.5) ? rng.int(100, 4_000) : 0;
  const threshold = rng.pick([5_000, 10_000, 10_400, 25_000]);
  return {
    company,
    domain,
    userId: owner.id,
    email: owner.email,
    organizationId: rng.uuid(),
    members,
    telnyxStaffId: rng.uuid(),
    accountManagerId: rng.uuid(),
    creditLine,
    balanceCents,
    creditLimitCents,
    pendingCents,
    autoRecharge: {
      id: `15${rng.digits(17)}`,
      thresholdCents: threshold,
      rechargeCents: rng.pick([5_000, 10_000, 10_400, 20_000]),
      enabled: !creditLine,
      invoiceEnabled: creditLine || rng.chance(0.5),
      preference: creditLine ? "ach" : "credit_paypal",
    },
    tenDlcCampaigns: rng.int(1, 4),
    webhookUrls: [`https://hooks.${domain}/telnyx/voice`, `https://hooks.${domain}/telnyx/messaging`, `https://api.${domain}/v1/webhooks/telnyx`],
    failoverUrl: `https://failover.${domain}/telnyx`,
    messagingProfiles: [
      { id: rng.uuid(), name: "Appointment reminders" },
      { id: rng.uuid(), name: "Support replies" },
      { id: rng.uuid(), name: "Marketing (10DLC)" },
    ],
    connections: [
      { id: `16${rng.digits(17)}`, name: "Main office PBX" },
      { id: `16${rng.digits(17)}`, name: "Call center (Call Control)" },
    ],
    billingGroups: [
      { id: rng.uuid(), name: "Operations" },
      { id: rng.uuid(), name: "Marketing" },
    ],
    createdAt: new Date(0), // set per anchor below
  };
}

export interface World {
  seed: number;
  scale: Scale;
  sizes: Sizes;
  profile: Profile;
  /** 00:00 UTC on the first day of the month the data is anchored to. */
  anchor: Date;
  anchorKey: string;
  /** The first day of the month after the anchor month. */
  anchorEnd: Date;
}

export function buildWorld(seed: number, scale: Scale, now: Date): World {
  const anchor = startOfUtcMonth(now);
  const profile = buildProfile(seed);
  profile.createdAt = addUtcMonths(anchor, -30);
  return { seed, scale, sizes: SIZES[scale], profile, anchor, anchorKey: monthKey(anchor), anchorEnd: addUtcMonths(anchor, 1) };
}
