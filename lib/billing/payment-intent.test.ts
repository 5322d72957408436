import { describe, expect, it } from "vitest";
import { idempotencyKey } from "@/lib/telnyx/schemas/payments";
import { finishIntent, INTENT_MAX_AGE_MS, intentFor, newIntentKey, pendingIntents, type IntentStorage } from "./payment-intent";

function memoryStorage(): IntentStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

const keys = () => {
  let n = 0;
  return () => `key-${++n}-0123456789abcdef`;
};

describe("payment intents", () => {
  it("gives the same key to every confirmation of the same amount until it is finished", () => {
    const storage = memoryStorage();
    const next = keys();
    const first = intentFor(storage, "50.00", 1_000, next);
    expect(intentFor(storage, "50.00", 2_000, next)).toEqual(first);
    expect(intentFor(storage, "75.00", 2_000, next).key).not.toBe(first.key);
    finishIntent(storage, "50.00");
    expect(intentFor(storage, "50.00", 3_000, next).key).not.toBe(first.key);
  });

  it("survives a reload (the key lives in storage, not in memory)", () => {
    const storage = memoryStorage();
    const first = intentFor(storage, "50.00", 1_000, keys());
    expect(intentFor(storage, "50.00", 5_000, () => "another-key-0123456789").key).toBe(first.key);
  });

  it("never reuses a key older than the maximum age", () => {
    const storage = memoryStorage();
    const first = intentFor(storage, "50.00", 0, keys());
    expect(intentFor(storage, "50.00", INTENT_MAX_AGE_MS + 1, () => "fresh-key-0123456789ab").key).not.toBe(first.key);
  });

  it("lists the pending ones, oldest first, and drops expired or unreadable entries", () => {
    const storage = memoryStorage();
    const next = keys();
    intentFor(storage, "20.00", 2_000, next);
    intentFor(storage, "10.00", 1_000, next);
    storage.setItem("telnyx-dashboard:payment-intent:30.00", "not json");
    storage.setItem("unrelated", "x");
    expect(pendingIntents(storage, 3_000).map((i) => i.amount)).toEqual(["10.00", "20.00"]);
    expect(storage.data.has("telnyx-dashboard:payment-intent:30.00")).toBe(false);
    expect(storage.data.has("unrelated")).toBe(true);
    expect(pendingIntents(storage, INTENT_MAX_AGE_MS + 5_000)).toEqual([]);
  });

  it("still makes a key without storage", () => {
    expect(intentFor(null, "10.00", 0, () => "k".repeat(20)).key).toBe("k".repeat(20));
    expect(pendingIntents(null)).toEqual([]);
  });

  it("makes keys the server accepts, with or without crypto.randomUUID", () => {
    expect(idempotencyKey.safeParse(newIntentKey()).success).toBe(true);
    // Plain http on a LAN name is not a secure context: no crypto.randomUUID there.
    const own = Object.getOwnPropertyDescriptor(crypto, "randomUUID");
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const key = newIntentKey();
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(idempotencyKey.safeParse(key).success).toBe(true);
      expect(newIntentKey()).not.toBe(key);
    } finally {
      if (own) Object.defineProperty(crypto, "randomUUID", own);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe("function");
  });
});
