// The account's tags, as GET /user_tags returns them.
import { rngFor } from "../rng";

const NUMBER_TAGS = ["Support", "billing", "sales-east", "sales-west", "sms-marketing", "IVR", "after-hours", "vip", "fax", "field-ops", "porting-2024", "test"];
const PROFILE_TAGS = ["production", "staging", "call-center", "outbound-campaigns", "emergency", "international"];

export function buildTags(seed: number): { number_tags: string[]; outbound_profile_tags: string[] } {
  const rng = rngFor(seed, "tags");
  const number_tags = NUMBER_TAGS.filter(() => rng.chance(0.75));
  const outbound_profile_tags = PROFILE_TAGS.filter(() => rng.chance(0.7));
  return { number_tags, outbound_profile_tags };
}
