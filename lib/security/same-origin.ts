// CSRF defence for every state-changing request: it must come from the dashboard's own origin.
// Browsers send Sec-Fetch-Site (and Origin on POST/PATCH/DELETE) on their own and a cross-site
// page cannot forge either, so either proves where a request came from. Scripts (curl) send
// neither unless told: they must add `Origin: <dashboard URL>`.
import { ApiError } from "../api/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const reject = (why: string) => {
    throw new ApiError("forbidden", `Cross-site request refused: ${why}. Writes must come from the dashboard's own pages.`);
  };

  // When present, the browser's own verdict wins (even over a matching Origin).
  const site = req.headers.get("sec-fetch-site");
  if (site) {
    if (site.toLowerCase() === "same-origin") return;
    reject(`Sec-Fetch-Site is "${site}"`);
  }

  const origin = req.headers.get("origin");
  if (!origin || origin === "null") reject("no Origin or Sec-Fetch-Site header");
  let originHost: string;
  try {
    originHost = new URL(origin!).host.toLowerCase();
  } catch {
    return reject("malformed Origin header");
  }
  // X-Forwarded-Host too: a TLS proxy may rewrite Host. A cross-site page cannot set it
  // (custom headers need a CORS preflight, which this app never grants).
  const hosts = [req.headers.get("host"), req.headers.get("x-forwarded-host")?.split(",")[0]]
    .filter((h): h is string => !!h)
    .map((h) => h.trim().toLowerCase());
  if (!hosts.includes(originHost)) reject(`Origin ${origin} is not this dashboard`);
}
