import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <AppLink href="/" className="mt-4 inline-block text-accent underline underline-offset-2">
        Go to the overview
      </AppLink>
    </main>
  );
}
