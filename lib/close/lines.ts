// Which detail record type each usage line of the charges summary rates from, and each product
// family's FOCUS service. Telnyx's summary names lines by alias; an alias not listed here is
// placed by the words of its name, and a line matching nothing has no detail records (a fee).
import type { ProductFamily } from "@/lib/charges/families";

// A line's product family is the Charges page's rule (lib/charges/families.ts), so the FOCUS file,
// the close pack and the page group lines the same way.
export { lineFamily } from "@/lib/charges/families";

const ALIAS_RECORD_TYPE: Record<string, string> = {
  sms_outbound: "messaging",
  sms_inbound: "messaging",
  mms_outbound: "messaging",
  mms_inbound: "messaging",
  carrier_fees: "messaging",
  voice_outbound: "conference-participant",
  voice_inbound: "conference-participant",
  tollfree_inbound: "conference-participant",
  conference: "conference-participant",
  amd: "amd",
  amd_premium: "amd",
  verify: "verify",
  verify_call: "verify",
  verify_flashcall: "verify",
  wireless_data: "wireless",
  media_storage: "media_storage",
};

const NAME_RECORD_TYPE: [RegExp, string][] = [
  [/\b(sms|mms|messag|carrier)/i, "messaging"],
  [/answering machine/i, "amd"],
  [/\bverify\b/i, "verify"],
  [/wireless|\bsim\b|data \(mb\)/i, "wireless"],
  [/media storage/i, "media_storage"],
  [/voice|minutes|toll-free|conferenc/i, "conference-participant"],
];

/** The record type a usage (simple) line rates from, or null for a fee with no detail records (10DLC campaigns). */
export function lineRecordType(line: { alias: string; name: string }): string | null {
  if (line.alias in ALIAS_RECORD_TYPE) return ALIAS_RECORD_TYPE[line.alias]!;
  for (const [pattern, type] of NAME_RECORD_TYPE) if (pattern.test(line.name)) return type;
  return null;
}

/** FOCUS 1.2 has no telecom category: each family's ServiceCategory and ServiceName (README "FOCUS export"). */
export const FAMILY_FOCUS: Record<ProductFamily, { category: string; service: string }> = {
  messaging: { category: "Mobile", service: "Messaging" },
  voice: { category: "Networking", service: "Voice" },
  numbers: { category: "Networking", service: "Numbers" },
  wireless: { category: "Internet of Things", service: "Wireless" },
  other: { category: "Other", service: "Other services" },
};
