// The browser's way to call the dashboard's API: JSON in, JSON out, and an error that carries the
// HTTP status and the server's own message so the UI can say something useful.
import { BailoutToCSRError } from "next/dist/shared/lib/lazy-dynamic/bailout-to-csr";
import { isOutcomeUnknown, type ApiErrorItem } from "./errors";

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly items: ApiErrorItem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiClientError";
  }

  /** True when the upstream outcome of a write is unknown (it may have happened). */
  get outcomeUnknown(): boolean {
    return isOutcomeUnknown(this);
  }
}

export async function apiFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  // During server rendering a query reaches here only when the page did not prefetch it or its
  // read failed (failed reads are not dehydrated). Throwing anything else would be a server
  // rendering error (React #419 in the browser); this tells React, the way next/dynamic's
  // `ssr: false` does, to render the boundary's skeleton and let the browser load it (and show
  // the card's own error state if it fails again).
  if (typeof window === "undefined") throw new BailoutToCSRError(`${url} is read in the browser`);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiClientError(0, "The dashboard's server could not be reached. Check your connection.");
  }
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  throw await apiClientErrorFrom(response);
}

/** The error of a failed dashboard API response (for callers that read bodies themselves, e.g. a streamed download). */
export async function apiClientErrorFrom(response: Response): Promise<ApiClientError> {
  let items: ApiErrorItem[] = [];
  try {
    items = ((await response.json()) as { errors?: ApiErrorItem[] }).errors ?? [];
  } catch {
    // Not our JSON error body (e.g. a proxy's HTML page): fall back to the status.
  }
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const message = items.map((i) => i.detail || i.title).join(" ") || `Request failed (HTTP ${response.status}).`;
  if (response.status === 401 && typeof window !== "undefined") {
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- session over: a full load to the sign-in page drops the client's cache
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  return new ApiClientError(response.status, message, items, retryAfter);
}
