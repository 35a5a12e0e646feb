import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_BACKOFF } from '../../src/core/backoff.ts';

describe('backoffMs', () => {
  it('GIVEN no jitter drawn THEN 1 s, 2 s, 4 s, 8 s … doubling from the first retry', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 0))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('GIVEN the ninth retry THEN 256 s; the tenth would be 512 s and is capped at 300 s', () => {
    expect(backoffMs(9, 0)).toBe(256_000);
    expect(backoffMs(10, 0)).toBe(300_000);
    expect(backoffMs(2_000, 0)).toBe(300_000); // 2^1999 is Infinity: still the cap
  });

  it('GIVEN a draw THEN up to a quarter is taken off: 4 s × (1 − 0.25 × 0.5) = 3.5 s; at the cap 300 s × 0.75 = 225 s', () => {
    expect(backoffMs(3, 0.5)).toBe(3_500);
    expect(backoffMs(3, 0.999_999)).toBeCloseTo(3_000.001, 3);
    expect(backoffMs(30, 1)).toBe(225_000);
  });

  it('GIVEN attempt 0 or a draw out of range THEN the first delay and the draw clamped', () => {
    expect(backoffMs(0, 0)).toBe(1_000);
    expect(backoffMs(1, -3)).toBe(1_000);
    expect(backoffMs(1, 7)).toBe(750);
  });

  it('GIVEN other options THEN they apply: 100 ms doubling to 1 s, no jitter', () => {
    const options = { baseMs: 100, maxMs: 1_000, jitter: 0 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 0.9, options))).toEqual([100, 200, 400, 800, 1_000]);
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 1_000, maxMs: 300_000, jitter: 0.25 });
  });
});
