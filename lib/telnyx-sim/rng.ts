// Deterministic randomness. Every generated record is a pure function of (seed, month anchor,
// stream name, index), so a list can be paged, filtered and re-read without materialising it.

/** FNV-1a over a string, 32-bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a good 32-bit avalanche. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines parts (numbers or strings) into one 32-bit seed. */
export function seedFor(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    const v = typeof p === "number" ? p >>> 0 : hashString(p);
    h = fmix((h ^ v) + 0x6d2b79f5 + Math.imul(h, 31));
  }
  return h;
}

/** A number in [0, 1) from the parts, without building an Rng. */
export function unitHash(...parts: ReadonlyArray<number | string>): number {
  return seedFor(...parts) / 4294967296;
}

/** mulberry32: small, fast, good enough for fake data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Picks with weights: [[value, weight], ...]. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }
  hex(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10).toString();
    return s;
  }
  /** An RFC 9562 version-4 UUID (version and variant bits set, so strict validators accept it). */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = "89ab"[Math.floor(this.next() * 4)]!;
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  /**
   * A version-4 UUID that is unique for each `n` (a 32-bit integer): its first 8 hex digits are a
   * bijection of n, the rest random. Ids of one list built from distinct n never collide, at any
   * size (plain uuid() draws only 2^32 states: 100,000 of them held a few duplicates).
   */
  uniqueUuid(n: number): string {
    const rest = this.uuid();
    return fmix((n ^ 0x5bd1e995) >>> 0).toString(16).padStart(8, "0") + rest.slice(8);
  }
  /** Base64-looking text of n characters (not a real signature, just plausible). */
  base64(n: number): string {
    const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let s = "";
    for (let i = 0; i < n; i++) s += a[Math.floor(this.next() * 64)];
    return s;
  }
}

export function rngFor(...parts: ReadonlyArray<number | string>): Rng {
  return new Rng(seedFor(...parts));
}
