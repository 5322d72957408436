// Security headers for every response, set by proxy.ts. Pages get a per-request nonce CSP: Next
// reads the nonce from the request's CSP header and puts it on its own scripts, which only
// happens for dynamically rendered pages (every dashboard page reads the session, so they are).

export interface HeaderOptions {
  /** Per-request nonce for HTML pages; none for API and static files. */
  nonce?: string;
  /** next dev: React needs eval for its debugging aids. Never in production. */
  dev: boolean;
  /** Served over HTTPS (directly or behind a TLS proxy): add HSTS and upgrade-insecure-requests. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https }: HeaderOptions): string {
  if (!nonce) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, Next's own) can't carry a nonce; styles can't run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** HTTPS as the browser sees it: the URL's scheme, or the scheme a TLS-terminating proxy reports. */
export function isHttps(url: URL, headers: Headers): boolean {
  return url.protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
