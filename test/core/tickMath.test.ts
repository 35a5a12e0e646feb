import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SQRT_RATIO, MAX_TICK, MIN_SQRT_RATIO, MIN_TICK, sqrtRatioAtTick, tickAtSqrtRatio } from '../../src/core/tickMath.ts';

const Q96 = 2n ** 96n;

describe('sqrtRatioAtTick', () => {
  it('GIVEN tick 0 THEN exactly 2^96 (price 1)', () => {
    expect(sqrtRatioAtTick(0)).toBe(Q96);
  });

  it('GIVEN the ends of the tick range THEN TickMath MIN_SQRT_RATIO and MAX_SQRT_RATIO', () => {
    expect(sqrtRatioAtTick(MIN_TICK)).toBe(MIN_SQRT_RATIO);
    expect(sqrtRatioAtTick(MAX_TICK)).toBe(MAX_SQRT_RATIO);
  });

  it('GIVEN the ticks v3-core tests THEN the values the Solidity library returns', () => {
    expect(sqrtRatioAtTick(1)).toBe(79232123823359799118286999568n);
    expect(sqrtRatioAtTick(-1)).toBe(79224201403219477170569942574n);
    expect(sqrtRatioAtTick(50)).toBe(79426470787362580746886972461n);
    expect(sqrtRatioAtTick(-50)).toBe(79030349367926598376800521322n);
    expect(sqrtRatioAtTick(100)).toBe(79625275426524748796330556128n);
    expect(sqrtRatioAtTick(250)).toBe(80224679980005306637834519095n);
  });

  it('GIVEN a tick outside the range or not an integer THEN a RangeError', () => {
    expect(() => sqrtRatioAtTick(MAX_TICK + 1)).toThrow(RangeError);
    expect(() => sqrtRatioAtTick(MIN_TICK - 1)).toThrow(RangeError);
    expect(() => sqrtRatioAtTick(0.5)).toThrow(RangeError);
  });

  it('GIVEN any tick THEN (sqrt / 2^96)² ≈ 1.0001^tick and the next tick is higher (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400_000, max: 400_000 }), (tick) => {
        const sqrt = Number(sqrtRatioAtTick(tick)) / 2 ** 96;
        return Math.abs((sqrt * sqrt) / 1.0001 ** tick - 1) < 1e-9 && sqrtRatioAtTick(tick + 1) > sqrtRatioAtTick(tick);
      }),
    );
  });
});

describe('tickAtSqrtRatio', () => {
  it('GIVEN 2^96 THEN tick 0; one below THEN tick −1', () => {
    expect(tickAtSqrtRatio(Q96)).toBe(0);
    expect(tickAtSqrtRatio(Q96 - 1n)).toBe(-1);
  });

  it('GIVEN the ends of the range THEN MIN_TICK and MAX_TICK − 1; outside THEN a RangeError', () => {
    expect(tickAtSqrtRatio(MIN_SQRT_RATIO)).toBe(MIN_TICK);
    expect(tickAtSqrtRatio(MAX_SQRT_RATIO - 1n)).toBe(MAX_TICK - 1);
    expect(() => tickAtSqrtRatio(MIN_SQRT_RATIO - 1n)).toThrow(RangeError);
    expect(() => tickAtSqrtRatio(MAX_SQRT_RATIO)).toThrow(RangeError);
  });

  it('GIVEN any price from tick t up to just under tick t + 1 THEN tick t (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_TICK, max: MAX_TICK - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (tick, fraction) => {
        const low = sqrtRatioAtTick(tick);
        const width = sqrtRatioAtTick(tick + 1) - low;
        const sqrtPriceX96 = low + (width * BigInt(Math.floor(fraction * 1e9))) / 1_000_000_000n;
        return tickAtSqrtRatio(sqrtPriceX96) === tick;
      }),
    );
  });
});
