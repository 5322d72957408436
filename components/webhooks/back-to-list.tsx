"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

const KEY = "webhooks:list-url";

/** Remembers the list's URL (filters, page) so the detail page's "back" returns to the same view. */
export function rememberListUrl(search: string): void {
  try {
    sessionStorage.setItem(KEY, `/webhooks${search}`);
  } catch {
    // Storage may be unavailable (private mode): the link falls back to the plain list.
  }
}

export function BackToList() {
  const [href, setHref] = useState("/webhooks");
  useEffect(() => {
    try {
      const saved = sessionStorage.getItem(KEY);
      if (saved?.startsWith("/webhooks")) setHref(saved);
    } catch {
      // keep the plain list
    }
  }, []);
  return (
    <Link href={href} className="text-accent underline-offset-2 hover:underline">
      ← Webhook deliveries
    </Link>
  );
}
