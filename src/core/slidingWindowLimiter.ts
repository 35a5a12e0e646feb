/** What the limiter decided for one request. */
export type RateDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** Milliseconds until the oldest counted request leaves the window and one more is allowed. */
      readonly retryAfterMs: number;
      /** True for the first refusal since this key's last allowed request (tell the user once, not every time). */
      readonly firstRefusal: boolean;
    };

export interface RateLimiterOptions {
  /** Requests allowed per key in any window; 0 allows everything and keeps nothing. */
  readonly limit: number;
  readonly windowMs?: number;
  /**
   * Most keys kept at once. Keys idle for a whole window are dropped first (they carry no information);
   * past this many active keys the least recently seen is forgotten, so memory stays bounded under a flood
   * of distinct users (a forgotten user starts again with an empty window).
   */
  readonly maxKeys?: number;
  readonly now?: () => number;
}

interface Entry {
  /** Times of the allowed requests still in the window, oldest first (at most `limit`). */
  readonly times: number[];
  lastSeen: number;
  refused: boolean;
}

/**
 * A sliding-window rate limiter: at most `limit` requests per key in any `windowMs` (a log of the last
 * `limit` request times per key, so no burst at a window edge doubles the rate). Memory is bounded:
 * `limit` numbers per key and at most `maxKeys` keys.
 * @example const limiter = new SlidingWindowLimiter({ limit: 20 }); if (!limiter.take('telegram:42').allowed) …
 */
export class SlidingWindowLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  /** In order of last use (re-inserted on every request), so the idle and least recently seen come first. */
  private readonly entries = new Map<string, Entry>();

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 0) throw new RangeError(`limit must be a whole number >= 0, not ${options.limit}`);
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key` if the window has room. */
  take(key: string): RateDecision {
    if (this.limit === 0) return { allowed: true };
    const now = this.now();
    const windowStart = now - this.windowMs;
    this.evictIdle(windowStart);
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else entry = { times: [], lastSeen: now, refused: false };
    entry.lastSeen = now;
    this.entries.set(key, entry);
    while (entry.times.length > 0 && entry.times[0]! <= windowStart) entry.times.shift();
    if (entry.times.length < this.limit) {
      entry.times.push(now);
      entry.refused = false;
      this.evictOverflow();
      return { allowed: true };
    }
    const firstRefusal = !entry.refused;
    entry.refused = true;
    return { allowed: false, retryAfterMs: Math.max(0, entry.times[0]! + this.windowMs - now), firstRefusal };
  }

  /** Keys currently kept. */
  get size(): number {
    return this.entries.size;
  }

  private evictIdle(windowStart: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.lastSeen > windowStart) break; // every later entry was seen later still
      this.entries.delete(key);
    }
  }

  private evictOverflow(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(key);
    }
  }
}
