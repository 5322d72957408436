// Secrets that must never leave the server: the Telnyx key and anything bearer-like. One scrubber
// for the action log (lib/action-log) and for upstream messages sent to the browser
// (lib/telnyx/upstream-errors.ts). No imports: safe from anywhere on the server.
export const REDACTED = "[redacted]";
// Parameter names that may hold a secret. The idempotency key is not one and helps correlation.
const SECRET_NAME = /pass|secret|token|key|auth|cookie|card|cvc|cvv|iban|credential|signature/i;
const NOT_SECRET_NAME = /^idempotency[-_]?key$/i;
// Secrets that can hide inside ordinary strings (an error message quoting a header, say): bearer
// and basic credentials, and anything shaped like a Telnyx v2 key.
const SECRET_TEXT = [/\b(Bearer|Basic|Token)\s+[^\s"',;]+/gi, /\bKEY[0-9A-Za-z]{16,}_[0-9A-Za-z]+/g];

export function scrubText(text: string): string {
  let out = text;
  const telnyxKey = process.env.TELNYX_API_KEY?.trim();
  if (telnyxKey) out = out.split(telnyxKey).join(REDACTED);
  for (const pattern of SECRET_TEXT) out = out.replace(pattern, REDACTED);
  return out;
}

/** A copy of `value` with secret-looking fields replaced and secrets removed from strings. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 5) return "[truncated]";
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_NAME.test(k) && !NOT_SECRET_NAME.test(k) ? REDACTED : scrubSecrets(v, depth + 1),
    ]),
  );
}
