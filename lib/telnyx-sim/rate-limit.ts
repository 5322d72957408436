// Telnyx-style rate limiting: at most `perMinute` calls per API key in any rolling 60 seconds.
// A call past the limit is refused (and not counted); Retry-After is the whole seconds until the
// oldest counted call leaves the window, i.e. until a call would be accepted again.

export const RATE_WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly calls = new Map<string, number[]>();
  constructor(readonly perMinute: number) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`rate limit must be a positive integer, got ${perMinute}`);
  }

  /** Counts a call at `now` (ms) and returns 0, or refuses it and returns the seconds to wait. */
  take(key: string, now: number): number {
    let list = this.calls.get(key);
    if (!list) this.calls.set(key, (list = []));
    let drop = 0;
    while (drop < list.length && list[drop]! <= now - RATE_WINDOW_MS) drop++;
    if (drop > 0) list.splice(0, drop);
    if (list.length < this.perMinute) {
      list.push(now);
      return 0;
    }
    return Math.max(1, Math.ceil((list[0]! + RATE_WINDOW_MS - now) / 1000));
  }

  /** Calls counted for the key in the window ending at `now`. */
  used(key: string, now: number): number {
    return (this.calls.get(key) ?? []).filter((t) => t > now - RATE_WINDOW_MS).length;
  }
}
