import "server-only";
import { isIP } from "node:net";
import { ApiError } from "@/lib/api/errors";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { isInternalAddress, systemResolver } from "@/lib/security/internal-address";
import { upstream } from "@/lib/telnyx/client";
import type { OperationOutput } from "@/lib/telnyx/operation-specs";
import { runOperation } from "@/lib/telnyx/run";

/** Redirects followed from a download link (each hop checked like the link itself). */
export const MAX_DOWNLOAD_REDIRECTS = 3;

// Addresses a download may not reach unless the operator named the host: lib/security/internal-address.ts
// (shared with the alerts' webhook check).
export { isInternalAddress };

export interface DownloadDeps {
  fetch: typeof fetch;
  /** Every address a host name resolves to. */
  resolve: (hostname: string) => Promise<string[]>;
  /** Hosts the operator named (the API base URL's, TELNYX_DOWNLOAD_HOSTS): trusted at any address. */
  namedHosts: string[];
  /** Plain http is accepted from the embedded simulator only (or a named loopback host). */
  demo: boolean;
}

function defaultDeps(): DownloadDeps {
  const extra = serverEnv().TELNYX_DOWNLOAD_HOSTS?.split(",").map((h) => h.trim().toLowerCase()) ?? [];
  return {
    fetch: upstream().fetch,
    resolve: systemResolver,
    namedHosts: [new URL(upstream().baseURL).host.toLowerCase(), ...extra.filter(Boolean)],
    demo: upstream().demo,
  };
}

// Hosts an invoice link may point at: Telnyx's own, the API host we talk to (the simulator serves
// its files there), and any the operator adds. Anything else is refused, so a tampered link can't
// make the server fetch from an arbitrary address.
export function isAllowedDownloadUrl(link: string, deps: Pick<DownloadDeps, "namedHosts" | "demo"> = defaultDeps()): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  const host = url.host.toLowerCase();
  const named = deps.namedHosts.includes(host);
  const secure = url.protocol === "https:" || (url.protocol === "http:" && (deps.demo || (named && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))));
  return secure && (host === "telnyx.com" || host.endsWith(".telnyx.com") || named);
}

const untrusted = (url: string, why: string) => {
  log.warn("invoice.link_refused", { host: URL.canParse(url) ? new URL(url).host : "unparseable", why });
  return new ApiError("upstream_contract", "Telnyx's download link points at a host this dashboard does not trust.");
};

/** The host must be allowed, and (unless the operator named it) resolve to public addresses only. */
async function checkHop(link: string, deps: DownloadDeps): Promise<void> {
  if (!isAllowedDownloadUrl(link, deps)) throw untrusted(link, "host not allowed");
  const url = new URL(link);
  if (deps.namedHosts.includes(url.host.toLowerCase())) return;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = isIP(hostname) ? [hostname] : await deps.resolve(hostname);
  } catch {
    throw new ApiError("upstream_unavailable", "The invoice file's host could not be resolved. Try again shortly.");
  }
  if (addresses.length === 0 || addresses.some(isInternalAddress)) throw untrusted(link, "internal address");
}

/**
 * GETs a download link, following at most MAX_DOWNLOAD_REDIRECTS redirects by hand so every hop
 * is checked (fetch's own redirect following would go anywhere).
 */
export async function fetchDownload(link: string, deps: DownloadDeps = defaultDeps(), signal?: AbortSignal): Promise<Response> {
  let url = link;
  for (let hop = 0; ; hop++) {
    await checkHop(url, deps);
    // No Authorization header: storage links are pre-signed, and the key must not travel there.
    const response = await deps.fetch(url, { redirect: "manual", signal });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status > 399 || !location) return response;
    await response.body?.cancel();
    if (hop >= MAX_DOWNLOAD_REDIRECTS)
      throw new ApiError("upstream_unavailable", "The invoice file could not be downloaded (too many redirects).");
    url = new URL(location, url).href;
  }
}

export function invoiceFileName(periodStart: string): string {
  return `telnyx-invoice-${periodStart.slice(0, 7)}.pdf`;
}

/**
 * A fresh download link for every call (links expire), then the file itself, streamed. `getLink`
 * lets the ledger's worker fetch the link inside its own call budget.
 */
export async function openInvoicePdf(
  id: string,
  getLink: () => Promise<OperationOutput<"invoiceLink">> = () => runOperation("invoiceLink", { id }),
): Promise<{ fileName: string; body: ReadableStream<Uint8Array>; size?: number }> {
  const { data } = await getLink();
  let response: Response;
  try {
    response = await fetchDownload(data.download_url, defaultDeps(), AbortSignal.timeout(30_000));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("upstream_unavailable", "The invoice file could not be downloaded. Try again shortly.");
  }
  if (response.status === 404 || response.status === 403)
    throw new ApiError("not_found", "The invoice file is not available (the link may have expired). Try again.");
  if (!response.ok || !response.body)
    throw new ApiError("upstream_unavailable", `The invoice file could not be downloaded (HTTP ${response.status}).`);
  const size = Number(response.headers.get("content-length")) || undefined;
  return { fileName: invoiceFileName(data.period_start), body: response.body, size };
}
