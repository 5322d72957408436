// The tokens page's read; its key from lib/query/keys.ts.
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/fetcher";
import { queryKeys } from "@/lib/query/keys";
import type { TokenInfo } from "@/lib/tokens/store";

export const tokensQuery = queryOptions({
  queryKey: queryKeys.dashboard.tokens(),
  queryFn: () => apiFetch<{ data: TokenInfo[] }>("/api/tokens"),
});
