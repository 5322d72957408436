import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { tokensQuery } from "@/components/tokens/queries";
import { SessionsCard } from "@/components/tokens/sessions-card";
import { TokensView } from "@/components/tokens/tokens-view";
import { requirePageUser } from "@/lib/auth/page-guard";
import { pageRoles } from "@/lib/navigation";
import { getServerQueryClient } from "@/lib/query/server";
import { listTokens } from "@/lib/tokens/store";

export const metadata: Metadata = { title: "API tokens and sessions" };

export default async function TokensPage() {
  const user = await requirePageUser(pageRoles("/settings/tokens"));
  const client = getServerQueryClient();
  await client.prefetchQuery({ queryKey: tokensQuery.queryKey, queryFn: async () => ({ data: await listTokens(user.role === "owner" ? undefined : user.id) }) });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">API tokens</h1>
      <p className="mb-4 text-sm text-muted">
        Tokens let scripts call the dashboard&apos;s API (<code>Authorization: Bearer tbd_…</code>) without a password. Only a hash is kept; revoking one
        takes effect at once.
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <div className="grid grid-cols-1 gap-4">
          <TokensView role={user.role} />
          <SessionsCard isOwner={user.role === "owner"} />
        </div>
      </HydrationBoundary>
    </>
  );
}
