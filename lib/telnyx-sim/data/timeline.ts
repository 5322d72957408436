// N records spread over [start, end) with timestamps that never decrease with the index, so a time
// filter becomes an index range found by binary search, and no record has to exist until it is read.
import { seedFor } from "../rng";

export interface Timeline {
  count: number;
  /** Milliseconds since the epoch of record i (non-decreasing in i). */
  ts(i: number): number;
}

export function makeTimeline(count: number, startMs: number, endMs: number, ...salt: ReadonlyArray<string | number>): Timeline {
  const span = endMs - startMs;
  const base = seedFor(...salt);
  return {
    count,
    ts(i: number): number {
      return startMs + Math.floor(((i + seedFor(base, i) / 4294967296) * span) / count);
    },
  };
}

/** The first index whose timestamp is >= t (count if none). */
export function lowerBound(tl: Timeline, t: number): number {
  let lo = 0;
  let hi = tl.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.ts(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose timestamp is > t (count if none). */
export function upperBound(tl: Timeline, t: number): number {
  let lo = 0;
  let hi = tl.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.ts(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
