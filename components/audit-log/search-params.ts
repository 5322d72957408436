// The audit log page's URL state, shared by the server page (prefetch) and the client views.
import { createLoader, parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { CHANGE_MADE_BY } from "@/lib/telnyx/contract";

export const AUDIT_PAGE_SIZE = 250;

export const auditSearchParams = {
  tab: parseAsStringLiteral(["events", "actions", "kept"] as const).withDefault("events"),
  sort: parseAsStringLiteral(["desc", "asc"] as const).withDefault("desc"),
  after: parseAsString,
  before: parseAsString,
  by: parseAsArrayOf(parseAsStringLiteral(CHANGE_MADE_BY)).withDefault([]),
  change: parseAsArrayOf(parseAsString).withDefault([]),
  resource: parseAsArrayOf(parseAsString).withDefault([]),
  q: parseAsString.withDefault(""),
  event: parseAsString,
  // The dashboard's own action log.
  user: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  apage: parseAsInteger.withDefault(1),
};

export const loadAuditSearchParams = createLoader(auditSearchParams);

/** The Telnyx query behind the list: only what the API filters on (the rest filters loaded events). */
export function auditQuery(p: { sort: "desc" | "asc"; after: string | null; before: string | null }) {
  return {
    size: AUDIT_PAGE_SIZE,
    sort: p.sort,
    ...(p.after ? { created_after: p.after } : {}),
    ...(p.before ? { created_before: p.before } : {}),
  };
}

export const CHANGE_MADE_BY_LABEL: Record<(typeof CHANGE_MADE_BY)[number], string> = {
  telnyx: "Telnyx",
  account_manager: "Account manager",
  account_owner: "Account owner",
  organization_member: "Organization member",
};
