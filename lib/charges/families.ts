// Charges by product family (messaging, voice, numbers, wireless, other): each summary line goes
// to one family by a rule the page states (FAMILY_RULE). Pure: the summary card, its CSV and the
// unit tests share it.
import { Big } from "@/lib/money";
import type { SummaryLine } from "@/lib/telnyx/schemas/charges";

export const PRODUCT_FAMILIES = ["messaging", "voice", "numbers", "wireless", "other"] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

export const FAMILY_LABELS: Record<ProductFamily, string> = {
  messaging: "Messaging",
  voice: "Voice",
  numbers: "Numbers",
  wireless: "Wireless",
  other: "Other",
};

/** The rule, in the words the page shows beside the subtotals. */
export const FAMILY_RULE =
  "Numbers: every recurring line (phone numbers and the features billed per number, such as E911 addresses and CNAM listings). " +
  "Among the usage lines, by the line's name or alias: Wireless when it mentions wireless or SIM; Messaging when it mentions SMS, MMS, messaging, 10DLC or carrier passthrough fees; " +
  "Voice when it mentions voice, minutes, calls, conferencing, SIP, fax or answering machine detection; everything else (Verify, media storage…) is Other. " +
  "Credits and adjustments are not a product and stay apart.";

const WIRELESS = /wireless|\bsim\b/i;
const MESSAGING = /\bsms\b|\bmms\b|messag|10dlc|carrier[ _]?(passthrough|fee)/i;
const VOICE = /voice|minute|\bcall|conferenc|\bsip\b|\bfax\b|answering machine|\bamd\b/i;

/** The family of one summary line (Verify (Call) stays Other: Verify is its own product). */
export function lineFamily(line: Pick<SummaryLine, "type" | "name" | "alias">): ProductFamily {
  if (line.type === "comparative") return "numbers";
  const text = `${line.name} ${line.alias.replace(/_/g, " ")}`;
  if (/verify/i.test(text)) return "other";
  if (WIRELESS.test(text)) return "wireless";
  if (MESSAGING.test(text)) return "messaging";
  if (VOICE.test(text)) return "voice";
  return "other";
}

/** What each family costs in the period, in the families' order (families without lines left out). */
export function familySubtotals(lines: readonly { family: ProductFamily; amount: Big }[]): { family: ProductFamily; label: string; amount: Big; lines: number }[] {
  return PRODUCT_FAMILIES.map((family) => {
    const own = lines.filter((l) => l.family === family);
    return { family, label: FAMILY_LABELS[family], amount: own.reduce((s, l) => s.plus(l.amount), new Big(0)), lines: own.length };
  }).filter((f) => f.lines > 0);
}

/** The charge kinds in words, for where they appear. */
export const CHARGE_KIND_WORDS = {
  MRC: "Monthly recurring charge: billed every month for each number or feature you keep.",
  OTC: "One-time charge: billed once, when a number or feature is added.",
  DIDs: "Direct inward dialing numbers: your phone numbers.",
} as const;
