export interface BackoffOptions {
  /** Delay before the first retry, ms. */
  readonly baseMs: number;
  /** No delay is longer than this, jitter included, ms. */
  readonly maxMs: number;
  /** Fraction taken off at random: the delay lands in [(1 − jitter) × d, d]. */
  readonly jitter: number;
}

/** 1 s doubling to at most 5 min, up to a quarter less at random. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 300_000, jitter: 0.25 };

/**
 * The wait before retry number `attempt` (1 for the first retry): `d = min(maxMs, baseMs × 2^(attempt − 1))`,
 * then `d × (1 − jitter × random)`. The jitter only shortens, so the cap holds, and many clients cut off by
 * the same outage do not all come back in the same second.
 * @param random a draw in [0, 1), e.g. Math.random()
 * @example backoffMs(3, 0) // 4000
 * @example backoffMs(3, 0.5) // 3500
 */
export function backoffMs(attempt: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity for a long outage; the cap takes it.
  const uncapped = options.baseMs * 2 ** exponent;
  const capped = Math.min(options.maxMs, uncapped);
  const draw = Math.min(Math.max(random, 0), 1);
  return capped * (1 - options.jitter * draw);
}
