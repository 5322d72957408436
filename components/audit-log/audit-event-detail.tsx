"use client";

import { FieldDiff } from "@/components/json/json-diff";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { describeChange } from "@/lib/audit/wording";
import { formatDateTimeExact } from "@/lib/format";
import type { AuditEvent } from "@/lib/telnyx/schemas/audit-events";
import { CHANGE_MADE_BY_LABEL } from "./search-params";

function IdRow({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="grid grid-cols-[8.5rem_1fr] items-center gap-2 py-1">
      <dt className="text-muted">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1">
        {value ? (
          <>
            <span className="min-w-0 break-all font-mono text-xs">{value}</span>
            <CopyButton value={value} label="Copy" />
          </>
        ) : (
          <span className="text-muted">—</span>
        )}
      </dd>
    </div>
  );
}

export function AuditEventDetail({
  event,
  person,
  currency,
  onClose,
  onShowActions,
}: {
  event: AuditEvent;
  /** The dashboard user who made it, when the action log shows one. */
  person: string | null;
  currency: string;
  onClose: () => void;
  onShowActions: () => void;
}) {
  const who = event.change_made_by ? CHANGE_MADE_BY_LABEL[event.change_made_by] : "Unknown";
  return (
    <article aria-labelledby="audit-detail-title" className="space-y-4" data-testid="audit-detail">
      <header className="flex items-start justify-between gap-2">
        <div>
          <h2 id="audit-detail-title" className="text-base font-semibold">
            <span className="capitalize">{event.change_type ?? "change"}</span> of {event.record_type ?? "a resource"}
          </h2>
          <p className="text-sm text-muted">
            by <Badge tone={event.change_made_by === "telnyx" ? "warning" : "neutral"}>{who}</Badge>
            {person ? (
              <>
                {" "}
                · <strong className="text-fg" data-testid="audit-detail-person">{person}</strong> (dashboard user, from its action log)
              </>
            ) : null}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </header>

      <section aria-labelledby="audit-detail-changes">
        <h3 id="audit-detail-changes" className="mb-2 text-sm font-semibold">
          What changed
        </h3>
        {event.changes?.length ? (
          <>
            <ul className="mb-2 space-y-1 text-sm" data-testid="audit-change-words">
              {event.changes.map((c, i) => (
                <li key={`${c.field ?? "field"}-${i}`}>{describeChange(c, event.record_type, currency)}</li>
              ))}
            </ul>
            <details>
              <summary className="cursor-pointer text-xs text-muted">Raw values as Telnyx recorded them</summary>
              <div className="mt-2 space-y-2">
                {event.changes.map((c, i) => (
                  <FieldDiff key={`${c.field ?? "field"}-${i}`} field={c.field ?? `(change ${i + 1})`} from={c.from} to={c.to} />
                ))}
              </div>
            </details>
          </>
        ) : (
          <p className="text-sm text-muted">
            Telnyx recorded no field changes for this {event.change_type ?? "event"}
            {event.change_type === "create" || event.change_type === "delete" ? " (creations and deletions carry none)" : ""}.
          </p>
        )}
      </section>

      <section aria-labelledby="audit-detail-when">
        <h3 id="audit-detail-when" className="mb-1 text-sm font-semibold">
          When
        </h3>
        <dl className="text-sm">
          <div className="grid grid-cols-[8.5rem_1fr] gap-2 py-1">
            <dt className="text-muted">Local time</dt>
            <dd data-testid="audit-local-time">{formatDateTimeExact(event.created_at)}</dd>
          </div>
          <div className="grid grid-cols-[8.5rem_1fr] gap-2 py-1">
            <dt className="text-muted">UTC</dt>
            <dd className="font-mono text-xs" data-testid="audit-utc-time">
              {new Date(event.created_at).toISOString()}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="audit-detail-ids">
        <h3 id="audit-detail-ids" className="mb-1 text-sm font-semibold">
          Identifiers
        </h3>
        <dl className="text-sm">
          <IdRow label="Resource id" value={event.resource_id} />
          <IdRow label="Alternate id" value={event.alternate_resource_id} />
          <IdRow label="User id" value={event.user_id} />
          <IdRow label="Organization id" value={event.organization_id} />
          <IdRow label="Event id" value={event.id} />
        </dl>
      </section>

      <p className="text-xs text-muted">
        Telnyx sees only the API key, not who used the dashboard.{" "}
        <button type="button" className="text-accent underline" onClick={onShowActions}>
          See the dashboard&apos;s own action log
        </button>{" "}
        for the person behind a change made here.
      </p>
    </article>
  );
}
