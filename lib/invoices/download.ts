import "server-only";
import { ApiError } from "@/lib/api/errors";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { upstream } from "@/lib/telnyx/client";
import { runOperation } from "@/lib/telnyx/run";

// Hosts an invoice link may point at: Telnyx's own, the API host we talk to (the simulator serves
// its files there), and any the operator adds. Anything else is refused, so a tampered link can't
// make the server fetch from an arbitrary address.
function allowedHosts(): string[] {
  const extra = serverEnv().TELNYX_DOWNLOAD_HOSTS?.split(",").map((h) => h.trim().toLowerCase()) ?? [];
  return [new URL(upstream().baseURL).host.toLowerCase(), ...extra.filter(Boolean)];
}

export function isAllowedDownloadUrl(link: string): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  const host = url.host.toLowerCase();
  const secure = url.protocol === "https:" || (url.protocol === "http:" && upstream().demo) ||
    (url.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname));
  return secure && (host === "telnyx.com" || host.endsWith(".telnyx.com") || allowedHosts().includes(host));
}

export function invoiceFileName(periodStart: string): string {
  return `telnyx-invoice-${periodStart.slice(0, 7)}.pdf`;
}

/** A fresh download link for every call (links expire), then the file itself, streamed. */
export async function openInvoicePdf(id: string): Promise<{ fileName: string; body: ReadableStream<Uint8Array>; size?: number }> {
  const { data } = await runOperation("invoiceLink", { id });
  if (!isAllowedDownloadUrl(data.download_url)) {
    log.warn("invoice.link_refused", { host: URL.canParse(data.download_url) ? new URL(data.download_url).host : "unparseable" });
    throw new ApiError("upstream_contract", "Telnyx's download link points at a host this dashboard does not trust.");
  }
  let response: Response;
  try {
    // No Authorization header: storage links are pre-signed, and the key must not travel there.
    response = await upstream().fetch(data.download_url, { signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new ApiError("upstream_unavailable", "The invoice file could not be downloaded. Try again shortly.");
  }
  if (response.status === 404 || response.status === 403)
    throw new ApiError("not_found", "The invoice file is not available (the link may have expired). Try again.");
  if (!response.ok || !response.body)
    throw new ApiError("upstream_unavailable", `The invoice file could not be downloaded (HTTP ${response.status}).`);
  const size = Number(response.headers.get("content-length")) || undefined;
  return { fileName: invoiceFileName(data.period_start), body: response.body, size };
}
