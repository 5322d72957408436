import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { PATH_HEADER, safeNextPath } from "./cookie";
import { ALL_ROLES, type Role } from "./roles";
import { getSessionUser, type SessionUser } from "./session";

/**
 * For server components (pages, layouts): the signed-in user, else a redirect to
 * /login?next=<this page>; a role not in `allowed` gets the 403 page (`forbidden()`, which needs
 * `experimental.authInterrupts` in next.config; without it, a redirect to /?denied=1).
 * Must be awaited in the render path, outside any try/catch (both interrupts work by throwing).
 */
export async function requirePageUser(allowed: readonly Role[] = ALL_ROLES): Promise<SessionUser> {
  const h = await headers();
  const user = await getSessionUser(h);
  if (!user) redirect(`/login?next=${encodeURIComponent(safeNextPath(h.get(PATH_HEADER)))}`);
  if (!allowed.includes(user.role)) {
    if (process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS) forbidden();
    redirect("/?denied=1");
  }
  return user;
}
