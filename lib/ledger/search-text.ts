// What the ledger's search matches: resource ids, changed fields, event types and target URLs,
// lower-cased into one column (LIKE works the same on SQLite and Postgres).
import type { AuditEvent } from "@/lib/telnyx/schemas/audit-events";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";

/** Telnyx's page cap for audit events is open; 250 like the other lists. */
export const AUDIT_PAGE_SIZE_MAX = 250;

const join = (parts: unknown[]) =>
  parts
    .filter((p) => p !== undefined && p !== null && p !== "")
    .map((p) => (typeof p === "string" ? p : JSON.stringify(p)))
    .join(" ")
    .toLowerCase();

export function auditSearchText(e: AuditEvent): string {
  return join([
    e.id, e.record_type, e.resource_id, e.alternate_resource_id, e.change_type, e.change_made_by, e.user_id,
    ...(e.changes ?? []).flatMap((c) => [c.field, c.from, c.to]),
  ]);
}

export function deliverySearchText(d: WebhookDelivery): string {
  return join([
    d.id, d.status, d.webhook?.event_type, d.webhook?.id,
    ...(d.attempts ?? []).flatMap((a) => [a.http?.request?.url, a.http?.response?.status]),
  ]);
}

/** A LIKE pattern matching `q` literally anywhere (escape character `\`). */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
