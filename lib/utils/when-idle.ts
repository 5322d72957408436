// Browser only: run work the first screen doesn't need once the main thread is free.

/**
 * Runs `fn` when the browser is next idle, at the latest after `timeout` ms (where there is no
 * requestIdleCallback, e.g. Safari, after `fallbackMs`). Returns a function that cancels it.
 */
export function whenIdle(fn: () => void, { timeout = 2000, fallbackMs = 200 }: { timeout?: number; fallbackMs?: number } = {}): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(() => fn(), { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const timer = window.setTimeout(fn, fallbackMs);
  return () => window.clearTimeout(timer);
}
