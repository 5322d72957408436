import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { DisplayPrefsBoundary } from "@/components/providers/display-prefs";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Telnyx Billing", template: "%s · Telnyx Billing" },
  description: "Balance, charges, invoices and usage of a Telnyx account.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <NuqsAdapter>
          <QueryProvider>
            <DisplayPrefsBoundary>{children}</DisplayPrefsBoundary>
          </QueryProvider>
        </NuqsAdapter>
      </body>
    </html>
  );
}
