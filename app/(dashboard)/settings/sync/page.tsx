import type { Metadata } from "next";
import { SyncStatusCard } from "@/components/settings/sync-status-card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";

export const metadata: Metadata = { title: "Sync" };

export default async function SyncSettingsPage() {
  await requirePageUser(pageRoles("/settings/sync"));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Sync</h1>
      <p className="mb-4 text-sm text-muted">
        The dashboard keeps its own copy of the account&apos;s billing history (the ledger), synced from Telnyx within a budget of
        upstream calls per minute. Pages never wait for it.
      </p>
      <SyncStatusCard />
    </>
  );
}
