// The words of an alert: subject, plain text, simple HTML, and the JSON a webhook receives.
import type { OutboxMessage } from "../outbox";
import { describeCondition, KIND_LABELS, type AnyKind, type RuleParams } from "./describe";

export interface MessageInput {
  rule: { id: string; name: string; kind: AnyKind; params: RuleParams };
  type: "fired" | "resolved" | "test";
  eventId: string | null;
  at: number;
  figures: Record<string, unknown>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function figureLines(figures: Record<string, unknown>): string[] {
  return Object.entries(figures).map(([k, v]) => `${k.replaceAll("_", " ")}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`);
}

export function alertMessage(m: MessageInput): OutboxMessage {
  const condition = describeCondition(m.rule.kind, m.rule.params);
  const head =
    m.type === "fired" ? `Alert: ${m.rule.name}` : m.type === "resolved" ? `Resolved: ${m.rule.name}` : `Test: ${m.rule.name}`;
  const lead =
    m.type === "fired"
      ? `This alert fires when ${condition}. It does now.`
      : m.type === "resolved"
        ? `This alert fired when ${condition}. That is no longer the case.`
        : `A test of the alert that fires when ${condition}. Nothing is wrong.`;
  const lines = figureLines(m.figures);
  const at = new Date(m.at).toISOString();
  return {
    subject: head,
    text: [head, "", lead, "", ...lines, "", `At ${at}. (${KIND_LABELS[m.rule.kind]})`].join("\n"),
    html: `<h2>${escapeHtml(head)}</h2><p>${escapeHtml(lead)}</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul><p><small>At ${at}.</small></p>`,
    payload: { type: `alert.${m.type}`, timestamp: at, data: { event_id: m.eventId, rule_id: m.rule.id, rule_name: m.rule.name, kind: m.rule.kind, params: m.rule.params, figures: m.figures } },
  };
}
