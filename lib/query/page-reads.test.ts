import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { awaitPageReads, PAGE_READS_WAIT_MS } from "./page-reads";

describe("awaitPageReads", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const settledAfter = (p: Promise<unknown>) => {
    const state = { done: false };
    p.then(() => (state.done = true));
    return state;
  };

  it("resolves as soon as every read has settled, failures included, and leaves no timer behind", async () => {
    let finish!: () => void;
    const slow = new Promise<void>((r) => (finish = r));
    const state = settledAfter(awaitPageReads([Promise.resolve(1), Promise.reject(new Error("upstream down")), slow, null, false, undefined]));
    await vi.advanceTimersByTimeAsync(10);
    expect(state.done).toBe(false);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives up on a read that hangs after the wait, without rejecting", async () => {
    const state = settledAfter(awaitPageReads([Promise.resolve(), new Promise(() => {})]));
    await vi.advanceTimersByTimeAsync(PAGE_READS_WAIT_MS - 1);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  });

  it("takes another wait, and nothing to wait for resolves at once", async () => {
    const hang = settledAfter(awaitPageReads([new Promise(() => {})], 50));
    const none = settledAfter(awaitPageReads([]));
    await vi.advanceTimersByTimeAsync(0);
    expect(none.done).toBe(true);
    expect(hang.done).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(hang.done).toBe(true);
  });
});
