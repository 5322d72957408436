// Time for the worker, injectable: tests run hours of schedule or a minute of budget instantly.
export interface Clock {
  now(): number;
  /** Resolves after ms (or at once when the signal aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};

/** A clock that only moves when told to, or by sleeping (which advances it at once). */
export function manualClock(start: number): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
      await Promise.resolve();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the UTC day containing ms. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Start of a UTC day 'YYYY-MM-DD' in ms. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => utcDay(dayStart(day) + n * DAY_MS);
/** 'YYYY-MM' n months after the month of 'YYYY-MM'. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
