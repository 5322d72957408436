// The two dashboard roles (design.md §5). Owners may do everything; finance reads billing data.
export const ROLES = ["owner", "finance"] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;
export const OWNER_ONLY: readonly Role[] = ["owner"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
