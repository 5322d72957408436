import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * Every in-app link (lint allows next/link's default export nowhere else). No prefetch unless asked:
 * every page is dynamic (signed in), so a prefetch can only fetch the layout the page already has,
 * and a table of 20 rows, each with a link, asked for it 20 times on every load: requests the server
 * renders and the browser parses while the page starts. The pending mark of the nav links
 * (components/shell/nav-links.tsx) says a page is on its way instead.
 */
export function AppLink({ prefetch = false, ...props }: ComponentProps<typeof Link>) {
  return <Link prefetch={prefetch} {...props} />;
}
