import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "@/lib/api/fetcher";

// One factory for both sides: a fresh client per server request, one for the browser's lifetime.
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above 0 so data prefetched on the server isn't refetched at once on hydration.
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (isServer) return false;
          if (error instanceof ApiClientError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
