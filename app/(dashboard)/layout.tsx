import { AppLink } from "@/components/ui/app-link";
import { Suspense, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { CurrencyBadge } from "./currency-badge";
import { LogoutButton } from "@/components/shell/logout-button";
import { NavLinks } from "@/components/shell/nav-links";
import { headers } from "next/headers";
import { PATH_HEADER } from "@/lib/auth/cookie";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isDemoMode } from "@/lib/env";
import { pagesFor, rolesForPath } from "@/lib/navigation";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The role check happens here too, before anything streams, so a page the role may not open
  // answers with a real 403 status (each page still checks itself for client-side navigation).
  const user = await requirePageUser(rolesForPath((await headers()).get(PATH_HEADER) ?? "/"));
  return (
    <div className="min-h-screen md:grid md:grid-cols-[14rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <aside className="border-b border-border bg-surface md:min-h-screen md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 px-4 py-3 md:block">
          <AppLink href="/" className="text-base font-semibold">
            Telnyx Billing
          </AppLink>
          <div className="flex items-center gap-2 md:mt-2">
            {isDemoMode() ? (
              <Badge tone="warning" title="No Telnyx API key is set: the built-in simulator answers with made-up data">
                Demo data
              </Badge>
            ) : null}
            {/* Nothing in the shell waits on Telnyx: the currency streams in when the balance is read. */}
            <Suspense fallback={null}>
              <CurrencyBadge />
            </Suspense>
          </div>
        </div>
        <nav aria-label="Main" className="px-2 pb-2 md:pb-4">
          <NavLinks links={pagesFor(user.role).map(({ href, label }) => ({ href, label }))} />
        </nav>
        <div className="hidden border-t border-border px-4 py-3 text-sm md:block">
          <p className="truncate font-medium" title={user.email}>
            {user.email}
          </p>
          <p className="mb-2 text-xs capitalize text-muted">{user.role}</p>
          <LogoutButton />
        </div>
      </aside>
      <div className="min-w-0">
        <div className="flex items-center justify-end gap-3 border-b border-border px-4 py-2 text-sm md:hidden">
          <span className="truncate text-muted">{user.email}</span>
          <LogoutButton />
        </div>
        <main id="main" className="mx-auto max-w-7xl p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
