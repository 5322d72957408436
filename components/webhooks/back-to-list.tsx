"use client";

import { AppLink } from "@/components/ui/app-link";
import { useSyncExternalStore } from "react";

const KEY = "webhooks:list-url";

/** Remembers the list's URL (filters, page) so the detail page's "back" returns to the same view. */
export function rememberListUrl(search: string): void {
  try {
    sessionStorage.setItem(KEY, `/webhooks${search}`);
  } catch {
    // Storage may be unavailable (private mode): the link falls back to the plain list.
  }
}

const noSubscription = () => () => undefined;

function savedListUrl(): string {
  try {
    const saved = sessionStorage.getItem(KEY);
    if (saved?.startsWith("/webhooks")) return saved;
  } catch {
    // keep the plain list
  }
  return "/webhooks";
}

export function BackToList() {
  // The server (and hydration) render the plain list; the browser reads the remembered view.
  const href = useSyncExternalStore(noSubscription, savedListUrl, () => "/webhooks");
  return (
    <AppLink href={href} className="text-accent underline-offset-2 hover:underline">
      ← Webhook deliveries
    </AppLink>
  );
}
