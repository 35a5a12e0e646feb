import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missing } from '../../src/core/figure.ts';
import { v3Price } from '../../src/core/poolPrice.ts';
import { sqrtRatioAtTick, tickAtSqrtRatio } from '../../src/core/tickMath.ts';
import { meanTick, v3TwapPrice } from '../../src/core/twap.ts';

const WINDOW = 1800;
/** A pool that sat at `tick` for the whole window. */
const steady = (tick: number, seconds = WINDOW) => BigInt(tick) * BigInt(seconds);
const e18 = { decimals0: 18, decimals1: 18 };

describe('meanTick', () => {
  it('GIVEN an exact mean THEN that tick, either sign', () => {
    expect(meanTick(steady(6932), WINDOW)).toBe(6932);
    expect(meanTick(steady(-6932), WINDOW)).toBe(-6932);
    expect(meanTick(0n, WINDOW)).toBe(0);
  });

  it('GIVEN a positive non-exact mean THEN rounded down (3.5 → 3)', () => {
    expect(meanTick(7n, 2)).toBe(3);
  });

  it('GIVEN a negative non-exact mean THEN rounded toward −∞ like OracleLibrary (−3.5 → −4, not −3)', () => {
    expect(meanTick(-7n, 2)).toBe(-4);
    // 1,799 s at −6,931 and 1 s at −6,932: mean −6,931.0006, so −6,932.
    expect(meanTick(-6931n * 1799n - 6932n, WINDOW)).toBe(-6932);
  });

  it('GIVEN any delta and window THEN tick × s ≤ delta < (tick + 1) × s (property)', () => {
    // Real deltas are at most 887,272 × the window; 2^50 keeps every mean a safe integer.
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 50n), max: 2n ** 50n }), fc.integer({ min: 1, max: 7 * 86_400 }), (delta, seconds) => {
        const tick = BigInt(meanTick(delta, seconds));
        const s = BigInt(seconds);
        return tick * s <= delta && delta < (tick + 1n) * s;
      }),
    );
  });

  it('GIVEN a window of no seconds THEN a RangeError', () => {
    expect(() => meanTick(5n, 0)).toThrow(RangeError);
  });
});

describe('v3TwapPrice', () => {
  it('GIVEN tick 0 with 18/18 decimals THEN exactly 1 either way', () => {
    expect(v3TwapPrice({ tickCumulativeDelta: 0n, seconds: WINDOW, ...e18, assetIsToken0: true })).toEqual({ ok: true, value: 1 });
    expect(v3TwapPrice({ tickCumulativeDelta: 0n, seconds: WINDOW, ...e18, assetIsToken0: false })).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN tick 6932 THEN 1.0001^6932 ≈ 2.0000363 (token0), its inverse ≈ 0.4999909 (token1)', () => {
    const token0 = v3TwapPrice({ tickCumulativeDelta: steady(6932), seconds: WINDOW, ...e18, assetIsToken0: true });
    const token1 = v3TwapPrice({ tickCumulativeDelta: steady(6932), seconds: WINDOW, ...e18, assetIsToken0: false });
    expect(token0.ok && token0.value).toBeCloseTo(2.0000363238, 9);
    expect(token1.ok && token1.value).toBeCloseTo(0.4999909192, 9);
  });

  it('GIVEN negative ticks THEN 1.0001^tick: −1 → 0.99990001, −6932 ≈ 0.4999909', () => {
    const at = (tick: number) => v3TwapPrice({ tickCumulativeDelta: steady(tick), seconds: WINDOW, ...e18, assetIsToken0: true });
    const minusOne = at(-1);
    const minus6932 = at(-6932);
    expect(minusOne.ok && minusOne.value).toBeCloseTo(1 / 1.0001, 12);
    expect(minus6932.ok && minus6932.value).toBeCloseTo(0.4999909192, 9);
  });

  it('GIVEN a negative non-exact mean THEN the price of the tick below (−6931.0006 prices as −6932)', () => {
    const f = v3TwapPrice({ tickCumulativeDelta: -6931n * 1799n - 6932n, seconds: WINDOW, ...e18, assetIsToken0: true });
    expect(f.ok && f.value).toBeCloseTo(1.0001 ** -6932, 12);
  });

  it('GIVEN METIS(18) as token0 and USDC(6) as token1 at tick −239,434 THEN METIS = 1.0001^−239434 × 10^12 ≈ 39.99755 USDC', () => {
    // 40 USDC per METIS is a raw price of 40 × 10^(6 − 18) = 4e-11, log_1.0001(4e-11) = −239,433.39: tick −239,434.
    const p = { tickCumulativeDelta: steady(-239_434), seconds: WINDOW, decimals0: 18, decimals1: 6 };
    const metis = v3TwapPrice({ ...p, assetIsToken0: true });
    const usdc = v3TwapPrice({ ...p, assetIsToken0: false });
    expect(metis.ok && metis.value).toBeCloseTo(39.99755015, 7);
    expect(usdc.ok && usdc.value).toBeCloseTo(1 / 39.99755015, 10);
  });

  it('GIVEN USDC(6) as token0, METIS(18) as token1 at tick 239,433 and METIS as token1 THEN ≈ 40.00155 USDC', () => {
    // 0.025 METIS per USDC is a raw price of 0.025 × 10^(18 − 6) = 2.5e10: tick 239,433; METIS = 1 / (1.0001^t × 10^−12).
    const f = v3TwapPrice({ tickCumulativeDelta: steady(239_433), seconds: WINDOW, decimals0: 6, decimals1: 18, assetIsToken0: false });
    expect(f.ok && f.value).toBeCloseTo(40.00154991, 7);
  });

  it('GIVEN no seconds or a mean tick outside the tick range THEN no-data', () => {
    expect(v3TwapPrice({ tickCumulativeDelta: 0n, seconds: 0, ...e18, assetIsToken0: true })).toEqual(missing('no-data'));
    expect(v3TwapPrice({ tickCumulativeDelta: steady(900_000), seconds: WINDOW, ...e18, assetIsToken0: true })).toEqual(missing('no-data'));
  });

  it('GIVEN a pool steady at any sqrt price THEN its TWAP is at or below spot and within one tick (1 bp) of it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400_000, max: 400_000 }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.integer({ min: 60, max: 86_400 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 24 }),
        (tick, part, seconds, decimals0, decimals1) => {
          const low = sqrtRatioAtTick(tick);
          const sqrtPriceX96 = low + ((sqrtRatioAtTick(tick + 1) - low) * part) / 10n ** 9n - (part === 10n ** 9n ? 1n : 0n);
          const p = { decimals0, decimals1, assetIsToken0: true };
          const spot = v3Price({ sqrtPriceX96, ...p });
          const twap = v3TwapPrice({ tickCumulativeDelta: steady(tickAtSqrtRatio(sqrtPriceX96), seconds), seconds, ...p });
          return spot.ok && twap.ok && twap.value <= spot.value * (1 + 1e-12) && twap.value >= spot.value / 1.0001 / (1 + 1e-12);
        },
      ),
    );
  });
});
