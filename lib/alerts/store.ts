// Alert rules and events in the database, and the answers the API gives about them. Webhook
// channels carry a `whsec_` secret generated here, stored with the rule and answered only once,
// when the channel is created.
import { randomBytes, randomUUID } from "node:crypto";
import { ApiError, type ApiErrorItem } from "../api/errors";
import type { Db } from "../db";
import { knownTags } from "../ledger/read";
import { deliveriesFor } from "../outbox";
import { internalHostReason, type Resolver } from "../security/internal-address";
import { describeCondition, STALE_KIND, type AlertEvent, type AlertRule, type AnyKind, type Channel, type RuleParams } from "./describe";
import { paramsByKind, type ChannelInput, type RuleInput } from "./schemas";

export const BUILTIN_STALE_ID = "builtin-stale-ledger-stream";
export const DEFAULT_RENOTIFY_HOURS = 24;

/** A channel as stored: webhook channels with their signing secret. */
export type StoredChannel = Exclude<Channel, { type: "webhook" }> | (Extract<Channel, { type: "webhook" }> & { secret: string });

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
export const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export function publicChannel(c: StoredChannel): Channel {
  if (c.type !== "webhook") return c;
  return { type: "webhook", url: c.url, format: c.format };
}

export function channelLabel(c: Channel): string {
  return c.type === "email" ? `email ${c.to.join(", ")}` : c.type === "webhook" ? `webhook ${c.url}` : "log";
}

export const privateUrlsAllowed = () => process.env.ALERTS_ALLOW_PRIVATE_URLS === "1";

function invalid(pointer: string, detail: string): ApiError {
  const item: ApiErrorItem = { code: "invalid_input", title: "Invalid input", detail: `${pointer.slice(1).replaceAll("/", ".")}: ${detail}`, source: { pointer } };
  return new ApiError("invalid_input", item.detail, { items: [item] });
}

export interface CheckDeps {
  resolve?: Resolver;
  /** Tags Telnyx knows besides those in the ledger (the user-tags operation); may fail. */
  telnyxTags?: () => Promise<string[]>;
}

/** Checks zod cannot make: the tag exists, webhook URLs do not point inside unless allowed. */
export async function checkRule(db: Db, kind: AnyKind, params: RuleParams, channels: ChannelInput[], deps: CheckDeps = {}): Promise<void> {
  if (kind === "budget" && params.tag) {
    const tags = new Set(await knownTags(db));
    if (!tags.has(params.tag)) for (const t of (await deps.telnyxTags?.().catch(() => [])) ?? []) tags.add(t);
    if (!tags.has(params.tag)) throw invalid("/params/tag", `unknown tag "${params.tag}": no usage or number carries it`);
  }
  if (privateUrlsAllowed()) return;
  const urls: [string, string][] = channels.flatMap((c, i) => (c.type === "webhook" ? [[`/channels/${i}/url`, c.url] as [string, string]] : []));
  for (const [pointer, url] of urls) {
    const reason = await internalHostReason(new URL(url), deps.resolve);
    if (reason) throw invalid(pointer, `${reason}; webhooks may only go to public addresses (ALERTS_ALLOW_PRIVATE_URLS=1 allows others)`);
  }
}

/** Params of a known kind, validated (PATCH sends them without the kind). */
export function parseParams(kind: AnyKind, raw: unknown): RuleParams {
  if (kind === STALE_KIND) {
    if (raw && typeof raw === "object" && Object.keys(raw).length) throw invalid("/params", "the built-in rule has no parameters");
    return {};
  }
  const r = paramsByKind[kind].safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw invalid(`/params${issue.path.length ? "/" + issue.path.join("/") : ""}`, issue.message);
  }
  return r.data as RuleParams;
}

/** Stored channels for new input, keeping the secret of a webhook whose URL is unchanged; returns the new secrets. */
export function withSecrets(input: ChannelInput[], existing: StoredChannel[] = []): { stored: StoredChannel[]; secrets: { url: string; secret: string }[] } {
  const secrets: { url: string; secret: string }[] = [];
  const stored = input.map((c): StoredChannel => {
    if (c.type !== "webhook") return c;
    const kept = existing.find((e) => e.type === "webhook" && e.url === c.url) as Extract<StoredChannel, { type: "webhook" }> | undefined;
    if (kept) return { ...c, secret: kept.secret };
    const secret = newSecret();
    secrets.push({ url: c.url, secret });
    return { ...c, secret };
  });
  return { stored, secrets };
}

/** A new rule's evaluation state: no episode yet, never evaluated. */
const FRESH_EPISODE = {
  state: "ok",
  level: 0,
  version: 0,
  episode_started_at: null,
  last_notified_at: null,
  last_evaluated_at: null,
} as const;

export async function ensureBuiltinRules(db: Db, now = Date.now()): Promise<void> {
  await db
    .insertInto("alert_rule")
    .values({
      id: BUILTIN_STALE_ID,
      name: "Ledger sync stopped",
      kind: STALE_KIND,
      params: "{}",
      channels: JSON.stringify([{ type: "log" }]),
      renotify_hours: DEFAULT_RENOTIFY_HOURS,
      muted_until: null,
      builtin: 1,
      ...FRESH_EPISODE,
      created_at: now,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

export async function insertRule(db: Db, input: RuleInput, now = Date.now()) {
  const { stored, secrets } = withSecrets(input.channels);
  const id = `rule_${randomUUID()}`;
  await db
    .insertInto("alert_rule")
    .values({
      id,
      name: input.name,
      kind: input.kind,
      params: JSON.stringify(input.params),
      channels: JSON.stringify(stored),
      renotify_hours: input.renotify_hours ?? DEFAULT_RENOTIFY_HOURS,
      muted_until: input.muted_until ? Date.parse(input.muted_until) : null,
      builtin: 0,
      ...FRESH_EPISODE,
      created_at: now,
    })
    .execute();
  return { id, secrets };
}

type RuleRow = Awaited<ReturnType<typeof ruleRows>>[number];
const ruleRows = (db: Db) => db.selectFrom("alert_rule").selectAll().orderBy("builtin", "desc").orderBy("created_at").execute();

export const storedChannels = (row: { channels: string }) => JSON.parse(row.channels) as StoredChannel[];

function toRule(row: RuleRow, lastDelivery: AlertRule["last_delivery"], now: number): AlertRule {
  const muted = row.muted_until !== null && Number(row.muted_until) > now;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as AnyKind,
    params: JSON.parse(row.params),
    channels: storedChannels(row).map(publicChannel),
    renotify_hours: Number(row.renotify_hours),
    muted_until: muted ? iso(row.muted_until) : null,
    builtin: Number(row.builtin) === 1,
    state: muted ? "muted" : row.state,
    last_evaluated_at: iso(row.last_evaluated_at),
    last_delivery: lastDelivery,
  };
}

/** Every rule with its state and its latest delivery (a failing channel shows here). */
export async function listRules(db: Db, now = Date.now(), onlyId?: string): Promise<AlertRule[]> {
  const rows = (await ruleRows(db)).filter((r) => !onlyId || r.id === onlyId);
  if (rows.length === 0) return [];
  // The latest delivery of each rule: of its events, and of its tests (ref = the rule's id).
  const events = await db.selectFrom("alert_event").select(["id", "rule_id"]).where("rule_id", "in", rows.map((r) => r.id)).execute();
  const ruleOf = new Map<string, string>(events.map((e) => [e.id, e.rule_id]));
  for (const r of rows) ruleOf.set(r.id, r.id);
  // Of the newest batch (one event's or test's messages), the worst: a failing channel shows.
  const latest = new Map<string, { created: number; rank: number; value: NonNullable<AlertRule["last_delivery"]> }>();
  for (const d of await deliveriesFor(db, [...ruleOf.keys()])) {
    const ruleId = ruleOf.get(d.ref!)!;
    const rank = d.status === "sent" ? 0 : d.last_error ? 2 : 1;
    const cur = latest.get(ruleId);
    if (cur && cur.created === d.created_at && cur.rank >= rank) continue;
    latest.set(ruleId, { created: d.created_at, rank, value: { channel: d.channel, status: d.status, attempts: d.attempts, last_error: d.last_error, at: iso(d.sent_at ?? d.created_at)! } });
  }
  return rows.map((r) => toRule(r, latest.get(r.id)?.value ?? null, now));
}

export async function getRule(db: Db, id: string, now = Date.now()): Promise<AlertRule> {
  const [rule] = await listRules(db, now, id);
  if (!rule) throw new ApiError("not_found", "No alert rule with this id.");
  return rule;
}

export async function listEvents(db: Db, o: { rule_id?: string; limit: number }): Promise<AlertEvent[]> {
  let q = db
    .selectFrom("alert_event")
    .innerJoin("alert_rule", "alert_rule.id", "alert_event.rule_id")
    .select(["alert_event.id", "alert_event.rule_id", "alert_event.type", "alert_event.at", "alert_event.figures", "alert_rule.name", "alert_rule.kind", "alert_rule.params"])
    .where("alert_event.type", "in", ["fired", "resolved"])
    .orderBy("alert_event.at", "desc")
    .orderBy("alert_event.id")
    .limit(o.limit);
  if (o.rule_id) q = q.where("alert_event.rule_id", "=", o.rule_id);
  const rows = await q.execute();
  const deliveries = await deliveriesFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    rule_id: r.rule_id,
    rule_name: r.name,
    type: r.type as "fired" | "resolved",
    at: iso(r.at)!,
    figures: JSON.parse(r.figures),
    summary: describeCondition(r.kind as AnyKind, JSON.parse(r.params)),
    deliveries: deliveries.filter((d) => d.ref === r.id).map((d) => ({ channel: d.channel, status: d.status, attempts: d.attempts, last_error: d.last_error })),
  }));
}

/**
 * A fresh demo database gets a monthly budget the simulated usage crosses, sent to the log (and
 * shown on the overview once the first sync has run), so the demo shows a firing alert.
 */
export async function seedDemoRules(db: Db, now = Date.now()): Promise<boolean> {
  // The built-in rule is there already at startup (instrumentation.ts): only a person's rule counts.
  const existing = await db.selectFrom("alert_rule").select("id").where("id", "!=", BUILTIN_STALE_ID).limit(1).execute();
  if (existing.length > 0) return false;
  await ensureBuiltinRules(db, now);
  await insertRule(db, { name: "Monthly budget (demo)", kind: "budget", params: { amount: "10.00", forecast: true }, channels: [{ type: "log" }] }, now);
  return true;
}
