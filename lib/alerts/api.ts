import "server-only";
// What the alert routes do, kept out of the route files so they stay thin.
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/outbox";
import { runOperation } from "@/lib/telnyx/run";
import { STALE_KIND, type AnyKind } from "./describe";
import { drainNow } from "./job";
import { alertMessage } from "./messages";
import type { RuleInput } from "./schemas";
import { BUILTIN_STALE_ID, channelLabel, checkRule, ensureBuiltinRules, getRule, insertRule, parseParams, publicChannel, storedChannels, withSecrets } from "./store";

const telnyxTags = async () => {
  const { data } = await runOperation("userTags", {});
  return [...(data.number_tags ?? []), ...(data.outbound_profile_tags ?? [])];
};

export async function createRule(input: RuleInput) {
  const d = await db();
  await checkRule(d, input.kind, input.params, input.channels, { telnyxTags });
  const { id, secrets } = await insertRule(d, input);
  const rule = await getRule(d, id);
  return { data: { ...rule, channels: rule.channels.map((c) => (c.type === "webhook" ? { ...c, secret: secrets.find((s) => s.url === c.url)?.secret } : c)) } };
}

async function row(id: string) {
  const d = await db();
  await ensureBuiltinRules(d);
  const r = await d.selectFrom("alert_rule").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw new ApiError("not_found", "No alert rule with this id.");
  return { d, r };
}

export async function updateRule(id: string, patch: { name?: string; params?: Record<string, unknown>; channels?: RuleInput["channels"]; renotify_hours?: number; muted_until?: string | null }) {
  const { d, r } = await row(id);
  const kind = r.kind as AnyKind;
  const params = patch.params !== undefined ? parseParams(kind, patch.params) : JSON.parse(r.params);
  await checkRule(d, kind, params, patch.channels ?? [], { telnyxTags });
  const { stored, secrets } = patch.channels ? withSecrets(patch.channels, storedChannels(r)) : { stored: storedChannels(r), secrets: [] };
  await d
    .updateTable("alert_rule")
    .set({
      ...(patch.name !== undefined && kind !== STALE_KIND ? { name: patch.name } : {}),
      params: JSON.stringify(params),
      channels: JSON.stringify(stored),
      ...(patch.renotify_hours !== undefined ? { renotify_hours: patch.renotify_hours } : {}),
      ...(patch.muted_until !== undefined ? { muted_until: patch.muted_until === null ? null : Date.parse(patch.muted_until) } : {}),
    })
    .where("id", "=", id)
    .execute();
  const rule = await getRule(d, id);
  return { data: { ...rule, channels: rule.channels.map((c) => (c.type === "webhook" && secrets.some((s) => s.url === c.url) ? { ...c, secret: secrets.find((s) => s.url === c.url)!.secret } : c)) } };
}

export async function deleteRule(id: string) {
  const { d } = await row(id);
  if (id === BUILTIN_STALE_ID) throw new ApiError("conflict", "The ledger-sync rule is built in and always on; mute it or change its channels instead.");
  await d.transaction().execute(async (trx) => {
    await trx.deleteFrom("alert_rule").where("id", "=", id).execute();
  });
  return new Response(null, { status: 204 });
}

/** Sends a test message to each of the rule's channels now and answers how each went. */
export async function testRule(id: string) {
  const { d, r } = await row(id);
  const now = Date.now();
  const message = alertMessage({ rule: { id: r.id, name: r.name, kind: r.kind as AnyKind, params: JSON.parse(r.params) }, type: "test", eventId: null, at: now, figures: { test: true } });
  const ids = await enqueue(d, storedChannels(r).map((channel) => ({ topic: "alert_test", ref: r.id, channel, label: channelLabel(publicChannel(channel)), message })), now);
  await drainNow(ids);
  const rows = await d.selectFrom("outbox").select(["channel_label", "status", "attempts", "last_error"]).where("id", "in", ids).execute();
  return { data: rows.map((x) => ({ channel: x.channel_label, status: x.status, attempts: Number(x.attempts), last_error: x.last_error })) };
}
