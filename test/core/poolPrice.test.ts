import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missing } from '../../src/core/figure.ts';
import { v2Price, v3Price } from '../../src/core/poolPrice.ts';

const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
const Q96 = 2n ** 96n;

describe('v2Price', () => {
  // USDC(6) is token0, METIS(18) is token1: 2,000,000 USDC against 50,000 METIS.
  const usdcMetis = { reserve0: 2_000_000n * E6, reserve1: 50_000n * E18, decimals0: 6, decimals1: 18 };

  it('GIVEN a USDC(6)/METIS(18) pair and METIS (token1) as asset THEN 2,000,000/50,000 = 40 USDC', () => {
    expect(v2Price({ ...usdcMetis, assetIsToken0: false })).toEqual({ ok: true, value: 40 });
  });

  it('GIVEN the same pair and USDC (token0) as asset THEN 50,000/2,000,000 = 0.025 METIS', () => {
    expect(v2Price({ ...usdcMetis, assetIsToken0: true })).toEqual({ ok: true, value: 0.025 });
  });

  it('GIVEN METIS(18) as token0 and USDC(6) as token1 THEN METIS is still 40 USDC', () => {
    const f = v2Price({ reserve0: 50_000n * E18, reserve1: 2_000_000n * E6, decimals0: 18, decimals1: 6, assetIsToken0: true });
    expect(f).toEqual({ ok: true, value: 40 });
  });

  it('GIVEN an 18/18 eMetis/METIS pool at 990 : 1000 THEN eMetis = 1000/990 METIS', () => {
    const f = v2Price({ reserve0: 990n * E18, reserve1: 1000n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true });
    expect(f.ok && f.value).toBeCloseTo(1.0101010101010102, 15);
  });

  it('GIVEN a zero reserve on either side THEN zero-price', () => {
    expect(v2Price({ ...usdcMetis, reserve0: 0n, assetIsToken0: true })).toEqual(missing('zero-price'));
    expect(v2Price({ ...usdcMetis, reserve1: 0n, assetIsToken0: true })).toEqual(missing('zero-price'));
    expect(v2Price({ ...usdcMetis, reserve1: 0n, assetIsToken0: false })).toEqual(missing('zero-price'));
  });

  it('GIVEN any positive reserves THEN price(token0) × price(token1) ≈ 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 112n - 1n }),
        fc.bigInt({ min: 1n, max: 2n ** 112n - 1n }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 24 }),
        (reserve0, reserve1, decimals0, decimals1) => {
          const p = { reserve0, reserve1, decimals0, decimals1 };
          const a = v2Price({ ...p, assetIsToken0: true });
          const b = v2Price({ ...p, assetIsToken0: false });
          return a.ok && b.ok && Math.abs(a.value * b.value - 1) < 1e-12;
        },
      ),
    );
  });
});

describe('v3Price', () => {
  it('GIVEN sqrtPriceX96 = 2^96 with 18/18 decimals THEN price 1 either way', () => {
    expect(v3Price({ sqrtPriceX96: Q96, decimals0: 18, decimals1: 18, assetIsToken0: true })).toEqual({ ok: true, value: 1 });
    expect(v3Price({ sqrtPriceX96: Q96, decimals0: 18, decimals1: 18, assetIsToken0: false })).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN sqrtPriceX96 = 2 × 2^96 with 18/18 decimals THEN token0 = 4 and token1 = 0.25', () => {
    expect(v3Price({ sqrtPriceX96: 2n * Q96, decimals0: 18, decimals1: 18, assetIsToken0: true })).toEqual({ ok: true, value: 4 });
    expect(v3Price({ sqrtPriceX96: 2n * Q96, decimals0: 18, decimals1: 18, assetIsToken0: false })).toEqual({ ok: true, value: 0.25 });
  });

  it('GIVEN USDC(6) as token0, METIS(18) as token1 and sqrtPriceX96 = 200,000 × 2^96 THEN METIS = 25 USDC', () => {
    // raw token0-in-token1 = 200,000² = 4e10; × 10^(6 − 18) = 0.04 METIS per USDC; inverted: 25 USDC per METIS
    const p = { sqrtPriceX96: 200_000n * Q96, decimals0: 6, decimals1: 18 };
    expect(v3Price({ ...p, assetIsToken0: true })).toEqual({ ok: true, value: 0.04 });
    expect(v3Price({ ...p, assetIsToken0: false })).toEqual({ ok: true, value: 25 });
  });

  it('GIVEN METIS(18) as token0, USDC(6) as token1 and sqrtPriceX96 ≈ 5e-6 × 2^96 THEN METIS ≈ 25 USDC', () => {
    // raw = 25 × 10^(6 − 18) = 2.5e-11, sqrt = 5e-6; the integer division truncates by < 1 part in 3.9e23
    const p = { sqrtPriceX96: (5n * Q96) / 1_000_000n, decimals0: 18, decimals1: 6 };
    const metis = v3Price({ ...p, assetIsToken0: true });
    const usdc = v3Price({ ...p, assetIsToken0: false });
    expect(metis.ok && metis.value).toBeCloseTo(25, 12);
    expect(usdc.ok && usdc.value).toBeCloseTo(0.04, 14);
  });

  it('GIVEN sqrtPriceX96 = 0 THEN zero-price', () => {
    expect(v3Price({ sqrtPriceX96: 0n, decimals0: 18, decimals1: 18, assetIsToken0: true })).toEqual(missing('zero-price'));
    expect(v3Price({ sqrtPriceX96: 0n, decimals0: 18, decimals1: 18, assetIsToken0: false })).toEqual(missing('zero-price'));
  });

  it('GIVEN any valid sqrtPriceX96 THEN price(token0) × price(token1) ≈ 1 (property)', () => {
    fc.assert(
      fc.property(
        // Uniswap V3 bounds: MIN_SQRT_RATIO .. MAX_SQRT_RATIO
        fc.bigInt({ min: 4_295_128_739n, max: 1_461_446_703_485_210_103_287_273_052_203_988_822_378_723_970_342n }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 24 }),
        (sqrtPriceX96, decimals0, decimals1) => {
          const a = v3Price({ sqrtPriceX96, decimals0, decimals1, assetIsToken0: true });
          const b = v3Price({ sqrtPriceX96, decimals0, decimals1, assetIsToken0: false });
          return a.ok && b.ok && Math.abs(a.value * b.value - 1) < 1e-12;
        },
      ),
    );
  });
});
