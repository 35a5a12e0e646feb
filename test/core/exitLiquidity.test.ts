import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantProductExit, v2ExitLiquidity, v3ExitLiquidity } from '../../src/core/exitLiquidity.ts';
import { missing } from '../../src/core/figure.ts';

const E18 = 10n ** 18n;
const Q96 = 2n ** 96n;

describe('constantProductExit', () => {
  it('GIVEN 100,000 of the asset in reserve THEN 100,000 × p / (1 − p)', () => {
    // 100,000 / 99 = 1010.1010…; 100,000 / 19 = 5263.1578…
    expect(constantProductExit(100_000, 0.01)).toBeCloseTo(1010.1010101010101, 9);
    expect(constantProductExit(100_000, 0.05)).toBeCloseTo(5263.157894736842, 9);
  });

  it('GIVEN that amount sold into x·y = k THEN the average price is exactly p under spot', () => {
    // Reserves 1,000 / 2,000 (spot 2). Selling Δx = 1000 × 0.01 / 0.99 returns y − k / (x + Δx).
    const x = 1000;
    const y = 2000;
    const dx = constantProductExit(x, 0.01);
    const dy = y - (x * y) / (x + dx);
    expect(dy / dx / (y / x)).toBeCloseTo(0.99, 12);
  });

  it('GIVEN a slippage outside (0, 1) THEN RangeError', () => {
    expect(() => constantProductExit(1, 0)).toThrow(RangeError);
    expect(() => constantProductExit(1, 1)).toThrow(RangeError);
  });
});

describe('v2ExitLiquidity', () => {
  it('GIVEN 99 of the asset as token0 THEN 1 at 1 %', () => {
    const f = v2ExitLiquidity({ reserve0: 99n * E18, reserve1: 100n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01);
    expect(f.ok && f.value).toBeCloseTo(1, 12);
  });

  it('GIVEN the asset as token1 with 6 decimals THEN its own reserve in whole tokens', () => {
    // 1,900,000 USDC-like units of 6 decimals = 1.9 tokens; × 0.05 / 0.95 = 0.1.
    const f = v2ExitLiquidity({ reserve0: 5n * E18, reserve1: 1_900_000n, decimals0: 18, decimals1: 6, assetIsToken0: false }, 0.05);
    expect(f.ok && f.value).toBeCloseTo(0.1, 12);
  });

  it('GIVEN an empty side THEN zero-price', () => {
    expect(v2ExitLiquidity({ reserve0: 0n, reserve1: E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01)).toEqual(missing('zero-price'));
  });
});

describe('v3ExitLiquidity', () => {
  it('GIVEN price 1 and L = 99e18 with the asset as token1 THEN the virtual reserve L·√P = 99 gives 1 at 1 %', () => {
    const f = v3ExitLiquidity({ sqrtPriceX96: Q96, liquidity: 99n * E18, decimals0: 18, decimals1: 18, assetIsToken0: false }, 0.01);
    expect(f.ok && f.value).toBeCloseTo(1, 12);
  });

  it('GIVEN price 4 (√P = 2) with the asset as token0 THEN the virtual reserve L / √P', () => {
    // L = 198e18: x = 99 tokens; × 0.01 / 0.99 = 1.
    const f = v3ExitLiquidity({ sqrtPriceX96: 2n * Q96, liquidity: 198n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01);
    expect(f.ok && f.value).toBeCloseTo(1, 12);
  });

  it('GIVEN the asset as token0 with 6 decimals THEN whole tokens of the asset', () => {
    const f = v3ExitLiquidity({ sqrtPriceX96: Q96, liquidity: 99_000_000n, decimals0: 6, decimals1: 18, assetIsToken0: true }, 0.01);
    expect(f.ok && f.value).toBeCloseTo(1, 12);
  });

  it('GIVEN a V3 swap of that size within the range THEN its average price is p under spot', () => {
    // In range, selling Δx of token0 moves √P to L / (L/√P + Δx) and returns Δy = L (√P − √P').
    const L = 1000;
    const sqrtP = 1.5;
    const exit = v3ExitLiquidity({ sqrtPriceX96: 3n * Q96 / 2n, liquidity: 1000n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.05);
    expect(exit.ok).toBe(true);
    const dx = exit.ok ? exit.value : 0;
    const after = L / (L / sqrtP + dx);
    const dy = L * (sqrtP - after);
    expect(dy / dx / sqrtP ** 2).toBeCloseTo(0.95, 12);
  });

  it('GIVEN no price or no liquidity THEN zero-price, or 0', () => {
    expect(v3ExitLiquidity({ sqrtPriceX96: 0n, liquidity: E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01)).toEqual(missing('zero-price'));
    expect(v3ExitLiquidity({ sqrtPriceX96: Q96, liquidity: 0n, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01)).toEqual({ ok: true, value: 0 });
  });

  it('GIVEN a larger slippage THEN never less exit liquidity', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 2n ** 160n - 1n }), fc.boolean(), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (liquidity, sqrtPriceX96, assetIsToken0, p) => {
        const small = v3ExitLiquidity({ sqrtPriceX96, liquidity, decimals0: 18, decimals1: 18, assetIsToken0 }, p);
        const large = v3ExitLiquidity({ sqrtPriceX96, liquidity, decimals0: 18, decimals1: 18, assetIsToken0 }, p * 1.5);
        expect(small.ok && large.ok && large.value >= small.value).toBe(true);
      }),
      { seed: 20_240_606, numRuns: 500 },
    );
  });
});
