// What an alert rule may be (issue #14's fixed shapes), checked on the server before anything is
// stored: kinds and their params, channels, renotify_hours, muted_until. Amounts are decimal
// strings; a bad rule is a 422 naming the field.
import { z } from "zod";
import { RULE_KINDS } from "./describe";

const amount = (what: string) =>
  z.string({ error: `must be ${what} as a decimal string, like "100.00"` }).trim().regex(/^\d{1,12}(\.\d{1,4})?$/, `must be ${what} as a decimal string, like "100.00" (not negative)`);
const positiveAmount = (what: string) => amount(what).refine((v) => Number(v) > 0 || /[1-9]/.test(v), `must be more than zero`);
const int = (min: number, max: number, unit: string) =>
  z.number({ error: `must be a whole number of ${unit}` }).int(`must be a whole number of ${unit}`).min(min, `must be at least ${min} ${unit}`).max(max, `must be at most ${max} ${unit}`);
const httpUrl = z
  .string({ error: "must be an http(s) URL" })
  .trim()
  .max(2_000)
  .refine((v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol), "must be an http:// or https:// URL");

export const paramsByKind = {
  balance_below: z.strictObject({ amount: amount("an amount") }),
  runway_below: z.strictObject({ days: int(1, 365, "days") }),
  budget: z.strictObject({
    amount: positiveAmount("the budget"),
    tag: z.string().trim().min(1, "must not be empty").max(100).optional(),
    forecast: z.boolean({ error: "must be true or false" }).optional(),
  }),
  anomaly: z.strictObject({
    factor: z
      .union([z.number(), z.string()], { error: 'must be a number like 3 or "2.5"' })
      .transform(String)
      .pipe(z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, 'must be a number like 3 or "2.5"').refine((v) => Number(v) > 1, "must be more than 1")),
    min_amount: amount("the minimum amount"),
    record_type: z.string().trim().min(1).max(50).regex(/^[a-z0-9_-]+$/i, "must be a record type like sip-trunking").optional(),
  }),
  auto_recharge_frequency: z.strictObject({ count: int(1, 100, "times") }),
  webhook_failure_rate: z.strictObject({
    percent: z.number({ error: "must be a percentage" }).gt(0, "must be more than 0").max(100, "must be at most 100"),
    window_minutes: int(5, 10_080, "minutes"),
    url: httpUrl.optional(),
  }),
} as const;

export const channelSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("email"),
      to: z.array(z.email({ error: "must be email addresses" }).max(254), { error: "must be a list of email addresses" }).min(1, "needs at least one address").max(20),
    }),
    z.strictObject({ type: z.literal("webhook"), url: httpUrl, format: z.enum(["standard", "slack"], { error: 'must be "standard" or "slack"' }).default("standard") }),
    z.strictObject({ type: z.literal("log") }),
  ],
  { error: 'type must be "email", "webhook" or "log"' },
);
export type ChannelInput = z.output<typeof channelSchema>;

const common = {
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  channels: z.array(channelSchema, { error: "must be a list of channels" }).min(1, "needs at least one channel").max(10),
  renotify_hours: int(1, 720, "hours").optional(),
  muted_until: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant or null" }).nullable().optional(),
};

export const ruleInput = z.discriminatedUnion(
  "kind",
  RULE_KINDS.map((kind) => z.strictObject({ kind: z.literal(kind), params: paramsByKind[kind], ...common })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
  { error: `kind must be one of ${RULE_KINDS.join(", ")} (the ledger-stream rule is built in)` },
);
export type RuleInput = {
  name: string;
  kind: (typeof RULE_KINDS)[number];
  params: Record<string, unknown>;
  channels: ChannelInput[];
  renotify_hours?: number;
  muted_until?: string | null;
};

/** PATCH: any of the fields; params are checked against the rule's kind afterwards. */
export const rulePatch = z.strictObject({
  name: common.name.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  channels: common.channels.optional(),
  renotify_hours: common.renotify_hours,
  muted_until: common.muted_until,
});

export const ruleIdParams = z.object({ id: z.string().min(1).max(100) });
export const eventsQuery = z.object({
  rule_id: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
