// Upstream pacing shared by every instance through Redis (Telnyx rate-limits the account, not
// the process): the retry slots one second apart per operation, and the hold after a 429 with its
// single probe. Same semantics as the in-process RetrySlots (lib/telnyx/retry.ts), each step one
// atomic Lua script. Times are epoch milliseconds from the callers' clocks.
//   pace:next:<op>   the next free retry slot
//   pace:hold:<op>   {until, probing (epoch ms the probe started, 0 for none)}
import type { Shared, SharedRedis } from "./redis";
import { RedisUnavailable } from "./read-cache";

export type Admission = { go: true; probe: boolean } | { go: false; waitMs: number };

export interface PacingLimits {
  spacingMs: number;
  maxHoldMs: number;
  /** A probe that never reported back (its instance died) stops blocking others after this. */
  probeTimeoutMs?: number;
}

const CLAIM = `
local slot = math.max(tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], string.format('%d', slot + tonumber(ARGV[2])), 'PX', ARGV[3])
return string.format('%d', slot)`;

const HOLD = `
local now, wait, maxHold = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local untilMs = now + math.min(wait, maxHold)
local cur = redis.call('HMGET', KEYS[1], 'until', 'probing')
if cur[1] and tonumber(cur[2]) == 0 then untilMs = math.max(untilMs, tonumber(cur[1])) end
redis.call('HSET', KEYS[1], 'until', string.format('%d', untilMs), 'probing', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return string.format('%d', untilMs)`;

// Returns "go", "probe" or the milliseconds to wait.
const ADMIT = `
local cur = redis.call('HMGET', KEYS[1], 'until', 'probing')
if not cur[1] then return 'go' end
local now = tonumber(ARGV[1])
local untilMs, probing = tonumber(cur[1]), tonumber(cur[2])
if untilMs > now then return string.format('%d', untilMs - now) end
if probing > 0 and now - probing < tonumber(ARGV[3]) then return ARGV[2] end
redis.call('HSET', KEYS[1], 'probing', string.format('%d', now))
return 'probe'`;

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new RedisUnavailable((error as Error)?.message ?? String(error));
  }
}

export class SharedPacing {
  constructor(
    private readonly shared: Shared,
    private readonly limits: PacingLimits,
  ) {}

  private next = (op: string) => this.shared.key("pace", "next", op);
  private held = (op: string) => this.shared.key("pace", "hold", op);
  /** Hold records outlive their hold so the probe still happens; long-idle ones just expire. */
  private get keepMs() {
    return this.limits.maxHoldMs + 10 * 60_000;
  }

  async claim(op: string, earliest: number): Promise<number> {
    const slot = await run(() => this.shared.client.eval(CLAIM, 1, this.next(op), String(earliest), String(this.limits.spacingMs), String(this.keepMs)));
    return Number(slot);
  }

  async hold(op: string, now: number, waitMs: number): Promise<void> {
    await run(() => this.shared.client.eval(HOLD, 1, this.held(op), String(now), String(Math.round(waitMs)), String(this.limits.maxHoldMs), String(this.keepMs)));
  }

  async admit(op: string, now: number): Promise<Admission> {
    const probeTimeout = this.limits.probeTimeoutMs ?? 30_000;
    const answer = String(await run(() => this.shared.client.eval(ADMIT, 1, this.held(op), String(now), String(this.limits.spacingMs), String(probeTimeout))));
    if (answer === "go") return { go: true, probe: false };
    if (answer === "probe") return { go: true, probe: true };
    return { go: false, waitMs: Number(answer) };
  }

  async recovered(op: string): Promise<void> {
    await run(() => this.shared.client.del(this.held(op)));
  }

  async probeEnded(op: string): Promise<void> {
    // Only if the hold still exists (a success may have deleted it meanwhile).
    await run(() => this.shared.client.eval(`if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'probing', '0') end return 1`, 1, this.held(op)));
  }

  async heldUntil(op: string): Promise<number> {
    return Number((await run(() => this.shared.client.hget(this.held(op), "until"))) ?? 0);
  }
}

/** The pacing operations, as the in-process RetrySlots and SharedPacing both provide them. */
export interface PacingStore {
  claim(op: string, earliest: number): number | Promise<number>;
  hold(op: string, now: number, waitMs: number): void | Promise<void>;
  admit(op: string, now: number): Admission | Promise<Admission>;
  recovered(op: string): void | Promise<void>;
  probeEnded(op: string): void | Promise<void>;
  heldUntil(op: string): number | Promise<number>;
}

/**
 * Pacing in Redis while it answers (shared by every instance), else in process: a Redis failure
 * is logged once per outage and the step is taken on the local store instead, never failing a read.
 */
export class FallbackPacing implements PacingStore {
  constructor(
    private readonly redis: () => SharedRedis | null,
    readonly local: PacingStore,
    private readonly limits: PacingLimits,
  ) {}

  private async use<T>(shared: (p: SharedPacing) => Promise<T>, local: () => T | Promise<T>): Promise<T> {
    const redis = this.redis();
    const connected = redis?.available();
    if (!redis || !connected) return local();
    try {
      return await shared(new SharedPacing(connected, this.limits));
    } catch (error) {
      if (!(error instanceof RedisUnavailable)) throw error;
      redis.failed(error);
      return local();
    }
  }

  claim(op: string, earliest: number) {
    return this.use((p) => p.claim(op, earliest), () => this.local.claim(op, earliest));
  }
  hold(op: string, now: number, waitMs: number) {
    return this.use((p) => p.hold(op, now, waitMs), () => this.local.hold(op, now, waitMs));
  }
  admit(op: string, now: number) {
    return this.use((p) => p.admit(op, now), () => this.local.admit(op, now));
  }
  recovered(op: string) {
    return this.use((p) => p.recovered(op), () => this.local.recovered(op));
  }
  probeEnded(op: string) {
    return this.use((p) => p.probeEnded(op), () => this.local.probeEnded(op));
  }
  heldUntil(op: string) {
    return this.use((p) => p.heldUntil(op), () => this.local.heldUntil(op));
  }
}
