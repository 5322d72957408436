// Quick filters over the audit events already loaded: who made the change, change type, resource
// type and a resource-id search, each with counts that respect the other filters (facets).
import type { AuditEvent } from "@/lib/telnyx/schemas/audit-events";

export interface AuditFilters {
  by: readonly string[];
  change: readonly string[];
  resource: readonly string[];
  /** Matched inside resource_id or alternate_resource_id, case-insensitively. */
  q: string;
}

type Facet = "by" | "change" | "resource";

const valueOf: Record<Facet, (e: AuditEvent) => string> = {
  by: (e) => e.change_made_by ?? "unknown",
  change: (e) => e.change_type ?? "unknown",
  resource: (e) => e.record_type ?? "unknown",
};

function matches(e: AuditEvent, f: AuditFilters, skip?: Facet): boolean {
  for (const facet of ["by", "change", "resource"] as const) {
    if (facet === skip || f[facet].length === 0) continue;
    if (!f[facet].includes(valueOf[facet](e))) return false;
  }
  const q = f.q.trim().toLowerCase();
  if (q && !(e.resource_id ?? "").toLowerCase().includes(q) && !(e.alternate_resource_id ?? "").toLowerCase().includes(q)) return false;
  return true;
}

export function filterEvents(events: readonly AuditEvent[], f: AuditFilters): AuditEvent[] {
  if (!f.by.length && !f.change.length && !f.resource.length && !f.q.trim()) return events as AuditEvent[];
  return events.filter((e) => matches(e, f));
}

/** Counts per value of a facet among events matching every other filter. */
export function facetCounts(events: readonly AuditEvent[], f: AuditFilters, facet: Facet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (!matches(e, f, facet)) continue;
    const v = valueOf[facet](e);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

export function hasQuickFilters(f: AuditFilters): boolean {
  return f.by.length > 0 || f.change.length > 0 || f.resource.length > 0 || f.q.trim() !== "";
}
