"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
      {links.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <li key={link.href}>
            {/* No prefetch: every page is dynamic (signed in), so a prefetch could only fetch the
                layout this page already has, and the twelve links asked for it twice on every load:
                24 requests, each a server render and main-thread work while the page starts. */}
            <Link
              href={link.href}
              prefetch={false}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm hover:bg-bg focus-visible:outline-2 focus-visible:outline-accent md:px-3 md:py-2",
                active ? "bg-accent/10 font-semibold text-accent" : "text-fg",
              )}
            >
              {link.label}
              <PendingMark />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * While the page a link leads to is on its way (nothing is prefetched, and a page comes in one
 * piece once its reads are done, at most lib/query/page-reads.ts's wait), the link says so: a
 * pulsing dot, and "loading" for screen readers; the current page stays until then.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="ml-2 inline-flex align-middle" data-testid="nav-pending">
      <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-current motion-reduce:animate-none" />
      <span className="sr-only">loading</span>
    </span>
  );
}
