import { afterEach, describe, expect, it, vi } from "vitest";
import { whenIdle } from "./when-idle";

afterEach(() => void vi.unstubAllGlobals());

describe("whenIdle", () => {
  it("uses requestIdleCallback with the timeout, and cancels it", () => {
    const calls: { timeout?: number }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal("window", {
      requestIdleCallback: (cb: () => void, opts: { timeout?: number }) => (calls.push(opts), cb(), 7),
      cancelIdleCallback: (id: number) => cancelled.push(id),
    });
    const fn = vi.fn();
    const cancel = whenIdle(fn, { timeout: 3000 });
    expect(fn).toHaveBeenCalledOnce();
    expect(calls).toEqual([{ timeout: 3000 }]);
    cancel();
    expect(cancelled).toEqual([7]);
  });

  it("falls back to a timer where there is no requestIdleCallback, and a cancel stops it", () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal("window", { setTimeout, clearTimeout });
      const fn = vi.fn();
      whenIdle(fn, { fallbackMs: 1000 });
      vi.advanceTimersByTime(999);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledOnce();
      const never = vi.fn();
      whenIdle(never)();
      vi.advanceTimersByTime(5000);
      expect(never).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
