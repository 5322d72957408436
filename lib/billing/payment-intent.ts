// One Idempotency-Key per confirmed payment intent. The key is made when the user confirms an
// amount and kept in the tab's sessionStorage until the payment has a definitive outcome, so a
// double click, a retry or a reload that confirms the same amount again sends the same key, and
// the server answers with the first attempt's outcome instead of charging again.

/** The part of Storage this needs (sessionStorage in the browser, a Map-backed fake in tests). */
export type IntentStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const PREFIX = "telnyx-dashboard:payment-intent:";
/** The server keeps an outcome 24 h; a key older than this is never reused (a new intent by then). */
export const INTENT_MAX_AGE_MS = 12 * 60 * 60_000;

export interface PaymentIntent {
  amount: string;
  key: string;
  /** When the user first confirmed it (ms since epoch). */
  createdAt: number;
}

function read(storage: IntentStorage, amount: string, now: number): PaymentIntent | null {
  try {
    const raw = storage.getItem(PREFIX + amount);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<PaymentIntent>;
    if (typeof parsed.key !== "string" || typeof parsed.createdAt !== "number") return null;
    if (now - parsed.createdAt > INTENT_MAX_AGE_MS) return null;
    return { amount, key: parsed.key, createdAt: parsed.createdAt };
  } catch {
    return null;
  }
}

/**
 * A random UUID v4. crypto.randomUUID exists only in secure contexts (https, localhost); a
 * self-hosted dashboard on plain http still has crypto.getRandomValues.
 */
export function newIntentKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The key for confirming `amount` now: the pending intent's, or a new one that is remembered. */
export function intentFor(
  storage: IntentStorage | null,
  amount: string,
  now = Date.now(),
  newKey: () => string = newIntentKey,
): PaymentIntent {
  const existing = storage ? read(storage, amount, now) : null;
  if (existing) return existing;
  const intent = { amount, key: newKey(), createdAt: now };
  try {
    storage?.setItem(PREFIX + amount, JSON.stringify({ key: intent.key, createdAt: intent.createdAt }));
  } catch {
    // Storage full or disabled: the key still covers double clicks and retries in this page.
  }
  return intent;
}

/** The payment has a definitive outcome (charged, or refused): the next confirmation is a new intent. */
export function finishIntent(storage: IntentStorage | null, amount: string): void {
  try {
    storage?.removeItem(PREFIX + amount);
  } catch {
    // nothing to do
  }
}

/** Intents confirmed in this tab whose outcome is not known yet, oldest first. */
export function pendingIntents(storage: IntentStorage | null, now = Date.now()): PaymentIntent[] {
  if (!storage) return [];
  const found: PaymentIntent[] = [];
  const names = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((n): n is string => !!n?.startsWith(PREFIX));
  for (const name of names) {
    const intent = read(storage, name.slice(PREFIX.length), now);
    if (intent) found.push(intent);
    else storage.removeItem(name); // expired or unreadable
  }
  return found.sort((a, b) => a.createdAt - b.createdAt);
}

/** The tab's sessionStorage, or null where there is none (server render, storage disabled). */
export function browserIntentStorage(): IntentStorage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
