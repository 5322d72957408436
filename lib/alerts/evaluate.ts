// Evaluation: each rule's condition against the ledger, then its episode moved on by a
// compare-and-set on the rule's version, in one transaction with the event and its outbox rows.
// Instances evaluating at once all compute the same transition; only the first one's update
// matches the version it read, so one event and one set of messages come out (the unique
// (rule_id, rule_version) on alert_event is the second guard). Sending is the outbox job's.
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { log } from "../log";
import { enqueue } from "../outbox";
import { checkCondition } from "./conditions";
import type { AnyKind, RuleParams } from "./describe";
import { alertMessage } from "./messages";
import { channelLabel, ensureBuiltinRules, publicChannel, storedChannels } from "./store";

export interface EvaluationResult {
  fired: string[];
  resolved: string[];
}

type Transition = { type: "fired"; level: number; renotify: boolean } | { type: "resolved" } | null;

export async function evaluateRules(db: Db, options: { now?: number; ruleIds?: string[] } = {}): Promise<EvaluationResult> {
  const now = options.now ?? Date.now();
  await ensureBuiltinRules(db, now);
  let q = db.selectFrom("alert_rule").selectAll().orderBy("created_at");
  if (options.ruleIds) q = q.where("id", "in", options.ruleIds.length ? options.ruleIds : ["-"]);
  const rules = await q.execute();
  const out: EvaluationResult = { fired: [], resolved: [] };
  for (const rule of rules) {
    // Muted: not evaluated at all; the episode picks up where it was when the mute ends.
    if (rule.muted_until !== null && Number(rule.muted_until) > now) continue;
    try {
      const params = JSON.parse(rule.params) as RuleParams;
      const c = await checkCondition(db, rule.kind as AnyKind, params, now);
      const firing = rule.state === "firing";
      const renotifyDue = firing && rule.last_notified_at !== null && now - Number(rule.last_notified_at) >= Number(rule.renotify_hours) * 3_600_000;
      const t: Transition = c.active
        ? !firing || c.level > Number(rule.level) || renotifyDue
          ? { type: "fired", level: Math.max(c.level, firing ? Number(rule.level) : 0), renotify: firing && c.level <= Number(rule.level) }
          : null
        : firing
          ? { type: "resolved" }
          : null;
      if (t && (await applyTransition(db, rule, t, c.figures, now))) (t.type === "fired" ? out.fired : out.resolved).push(rule.id);
      await db.updateTable("alert_rule").set({ last_evaluated_at: now }).where("id", "=", rule.id).execute();
    } catch (error) {
      log.error("alerts.evaluate_failed", { rule: rule.id, message: (error as Error)?.message });
    }
  }
  return out;
}

function channelsOf(rule: { channels: string }) {
  return storedChannels(rule);
}

async function applyTransition(
  db: Db,
  rule: { id: string; name: string; kind: string; params: string; channels: string; version: number; episode_started_at: number | null },
  t: NonNullable<Transition>,
  figures: Record<string, unknown>,
  now: number,
): Promise<boolean> {
  const version = Number(rule.version);
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("alert_rule")
      .set(
        t.type === "fired"
          ? { state: "firing", level: t.level, version: version + 1, last_notified_at: now, episode_started_at: rule.episode_started_at ?? now }
          : { state: "ok", level: 0, version: version + 1, episode_started_at: null },
      )
      .where("id", "=", rule.id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false; // another instance moved it first
    const eventId = `evt_${randomUUID()}`;
    const allFigures = t.type === "fired" && t.renotify ? { ...figures, reminder: true } : figures;
    await trx.insertInto("alert_event").values({ id: eventId, rule_id: rule.id, type: t.type, at: now, figures: JSON.stringify(allFigures), rule_version: version }).execute();
    const message = alertMessage({ rule: { id: rule.id, name: rule.name, kind: rule.kind as AnyKind, params: JSON.parse(rule.params) }, type: t.type, eventId, at: now, figures: allFigures });
    await enqueue(
      trx,
      channelsOf(rule).map((channel) => ({ topic: "alert", ref: eventId, channel, label: channelLabel(publicChannel(channel)), message })),
      now,
    );
    return true;
  });
}
