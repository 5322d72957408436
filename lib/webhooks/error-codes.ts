// What Telnyx's webhook-attempt error codes mean. The contract types `errors` as integers and
// documents few of them; only what is known is explained, anything else falls back to the code.
// The attempt itself (a response, or none) tells the rest, so explanations take it into account.

export interface ErrorExplanation {
  code: number;
  title: string;
  detail: string;
  /** Whether the meaning comes from Telnyx's contract, or is only inferred from the attempt. */
  known: boolean;
}

const KNOWN: Record<number, { title: string; detail: string }> = {
  // The contract's own example: {"code":"75001","title":"Could not resolve name","detail":"Unable to resolve the webhook URL domain name"}.
  75001: {
    title: "Could not resolve name",
    detail: "The webhook URL's domain name could not be resolved (DNS). Check the host name in the URL and its DNS records.",
  },
  // The contract's example attaches 75499 to an attempt answered with HTTP 404: the endpoint answered, but not with 2xx.
  75499: {
    title: "Endpoint answered with an error",
    detail: "Your endpoint answered, but not with a 2xx status, so Telnyx counted the attempt as failed. The response below shows what it said.",
  },
};

/** An attempt's error code in words; `responseStatus` is the HTTP status received, if any. */
export function explainWebhookError(code: number, responseStatus?: number | null): ErrorExplanation {
  const known = KNOWN[code];
  if (known) {
    const detail =
      code === 75499 && responseStatus ? `${known.detail} (HTTP ${responseStatus}: ${httpStatusHint(responseStatus)})` : known.detail;
    return { code, title: known.title, detail, known: true };
  }
  if (responseStatus === undefined || responseStatus === null)
    return {
      code,
      title: `Error code ${code}`,
      detail:
        "No HTTP response was received: the endpoint did not answer in time, refused the connection or failed the TLS handshake. Check that it is reachable from the internet and answers quickly.",
      known: false,
    };
  return { code, title: `Error code ${code}`, detail: `The endpoint answered HTTP ${responseStatus}: ${httpStatusHint(responseStatus)}`, known: false };
}

/** A short, actionable reading of an HTTP status a webhook endpoint answered with. */
export function httpStatusHint(status: number): string {
  if (status >= 200 && status < 300) return "success";
  switch (status) {
    case 301:
    case 302:
    case 307:
    case 308:
      return "a redirect — webhooks are not followed through redirects; use the final URL";
    case 400:
      return "the endpoint rejected the request as malformed";
    case 401:
    case 403:
      return "the endpoint refused it — often a signature or authentication check failing";
    case 404:
      return "no handler at this URL — check the path";
    case 405:
      return "the endpoint does not accept POST";
    case 410:
      return "the endpoint says this URL is gone";
    case 413:
      return "the payload was too large for the endpoint";
    case 422:
      return "the endpoint could not process the payload";
    case 429:
      return "the endpoint rate-limited Telnyx";
    case 500:
      return "the endpoint crashed while handling it";
    case 502:
      return "a proxy in front of the endpoint could not reach the application";
    case 503:
      return "the endpoint or its proxy was unavailable";
    case 504:
      return "a proxy in front of the endpoint timed out waiting for the application";
    default:
      if (status >= 300 && status < 400) return "a redirect — webhooks are not followed through redirects";
      if (status >= 400 && status < 500) return "the endpoint refused the request";
      if (status >= 500) return "the endpoint failed";
      return "an unexpected status";
  }
}
