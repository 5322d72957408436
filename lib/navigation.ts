import { ALL_ROLES, OWNER_ONLY, type Role } from "@/lib/auth/roles";

// The dashboard's pages and who may open them (design.md §5). The navigation shows a role only
// its own pages, and each page's guard reads its roles from here.
export const PAGES = [
  { href: "/", label: "Overview", roles: ALL_ROLES },
  { href: "/charges", label: "Charges", roles: ALL_ROLES },
  { href: "/invoices", label: "Invoices", roles: ALL_ROLES },
  { href: "/usage", label: "Usage", roles: ALL_ROLES },
  { href: "/payments", label: "Payments", roles: ALL_ROLES },
  { href: "/close", label: "Month close", roles: ALL_ROLES },
  { href: "/audit-log", label: "Audit log", roles: OWNER_ONLY },
  { href: "/webhooks", label: "Webhooks", roles: OWNER_ONLY },
  { href: "/alerts", label: "Alerts", roles: ALL_ROLES },
  { href: "/settings/billing", label: "Billing settings", roles: ALL_ROLES },
  { href: "/approvals", label: "Approvals", roles: OWNER_ONLY },
  { href: "/settings/sync", label: "Sync", roles: OWNER_ONLY },
  { href: "/settings/tokens", label: "API tokens", roles: ALL_ROLES },
] as const satisfies readonly { href: string; label: string; roles: readonly Role[] }[];

export type PageHref = (typeof PAGES)[number]["href"];

export function pageRoles(href: PageHref): readonly Role[] {
  return PAGES.find((p) => p.href === href)!.roles;
}

export function pagesFor(role: Role) {
  return PAGES.filter((p) => (p.roles as readonly Role[]).includes(role));
}

/** Roles for any dashboard path: those of the page it belongs to ("/webhooks/{id}" → "/webhooks"). */
export function rolesForPath(pathname: string): readonly Role[] {
  const path = pathname.split("?")[0] ?? "/";
  const match = PAGES.filter((p) => path === p.href || (p.href !== "/" && path.startsWith(`${p.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return match?.roles ?? ALL_ROLES;
}
