import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { RateLimiter } from "./rate-limit";
import { TEST_NOW, call } from "./test-helpers";

describe("rate limit (--rate-limit N)", () => {
  it("answers 429 with Retry-After past N calls in a rolling minute, per API key, until the window frees a slot", async () => {
    let t = TEST_NOW.getTime();
    const sim = createSimulator({ now: () => new Date(t), rateLimit: 3 });
    for (let k = 0; k < 3; k++) {
      expect((await call(sim, "/balance")).status).toBe(200);
      t += 10_000;
    }
    // Calls at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 60 s.
    const refused = await call(sim, "/balance");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(refused.body).toEqual({ errors: [expect.objectContaining({ code: "10011", title: "Too many requests" })] });
    // The limit is per key, and an operation with minimal errors gets a minimal body.
    expect((await call(sim, "/balance", { auth: "Bearer other-key" })).status).toBe(200);
    const minimal = await call(sim, "/detail_records?filter[record_type]=messaging");
    expect(minimal.status).toBe(429);
    expect(minimal.body.errors[0]).not.toHaveProperty("meta");
    t += 30_000; // 60 s after the first call: one slot is free again
    expect((await call(sim, "/balance")).status).toBe(200);
    expect((await call(sim, "/balance")).status).toBe(429);
  });

  it("does not count refused calls, and is off by default", async () => {
    const r = new RateLimiter(2);
    expect([r.take("k", 0), r.take("k", 1), r.take("k", 2), r.take("k", 3)]).toEqual([0, 0, 60, 60]);
    expect(r.used("k", 3)).toBe(2);
    expect(r.take("k", 60_000)).toBe(0);
    const sim = createSimulator({ now: () => TEST_NOW });
    for (let k = 0; k < 20; k++) expect((await call(sim, "/balance")).status).toBe(200);
    expect(() => new RateLimiter(0)).toThrow();
  });

  it("refuses a call without a valid key with 401 before counting it", async () => {
    const sim = createSimulator({ now: () => TEST_NOW, rateLimit: 1 });
    expect((await call(sim, "/balance", { auth: null })).status).toBe(401);
    expect((await call(sim, "/balance")).status).toBe(200);
  });
});
