import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missing } from '../../src/core/figure.ts';
import { v2Price } from '../../src/core/poolPrice.ts';
import { stablePairPrice } from '../../src/core/stablePairPrice.ts';

const E18 = 10n ** 18n;
const E6 = 10n ** 6n;

describe('stablePairPrice', () => {
  it('GIVEN equal reserves THEN exactly 1, whichever side the asset is', () => {
    for (const assetIsToken0 of [true, false]) {
      expect(stablePairPrice({ reserve0: 1_234_567n * E18, reserve1: 1_234_567n * E18, decimals0: 18, decimals1: 18, assetIsToken0 })).toEqual({ ok: true, value: 1 });
    }
  });

  it('GIVEN x = 2, y = 1 THEN (12 + 1) / (8 + 6) = 13/14 for token0, and 14/13 for token1', () => {
    const pair = { reserve0: 2n * E18, reserve1: E18, decimals0: 18, decimals1: 18 };
    expect(stablePairPrice({ ...pair, assetIsToken0: true })).toEqual({ ok: true, value: 13 / 14 });
    expect(stablePairPrice({ ...pair, assetIsToken0: false })).toEqual({ ok: true, value: 14 / 13 });
    // The reserve ratio would say 0.5: the mistake a stable pair read as constant product makes.
    expect(v2Price({ ...pair, assetIsToken0: true })).toEqual({ ok: true, value: 0.5 });
  });

  it('GIVEN a 6-decimal token0 and an 18-decimal token1 THEN reserves are compared in whole tokens', () => {
    // 2,000,000 of a 6-decimal token against 1,000,000 of an 18-decimal one: x = 2, y = 1 in millions → 13/14.
    const pair = { reserve0: 2_000_000n * E6, reserve1: 1_000_000n * E18, decimals0: 6, decimals1: 18 };
    expect(stablePairPrice({ ...pair, assetIsToken0: true })).toEqual({ ok: true, value: 13 / 14 });
    expect(stablePairPrice({ ...pair, assetIsToken0: false })).toEqual({ ok: true, value: 14 / 13 });
    // Equal amounts in whole tokens across 6 and 18 decimals: exactly 1.
    expect(stablePairPrice({ reserve0: 500n * E6, reserve1: 500n * E18, decimals0: 6, decimals1: 18, assetIsToken0: false })).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN x = 1, y = 1000 THEN (3·1000 + 10⁹) / (1 + 3·10⁶) = 1,000,003,000 / 3,000,001', () => {
    const f = stablePairPrice({ reserve0: E18, reserve1: 1000n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true });
    expect(f).toEqual({ ok: true, value: 1_000_003_000 / 3_000_001 });
  });

  it('GIVEN an empty side THEN zero-price', () => {
    expect(stablePairPrice({ reserve0: 0n, reserve1: E18, decimals0: 18, decimals1: 18, assetIsToken0: true })).toEqual(missing('zero-price'));
    expect(stablePairPrice({ reserve0: E18, reserve1: 0n, decimals0: 18, decimals1: 18, assetIsToken0: false })).toEqual(missing('zero-price'));
  });

  it('GIVEN any reserves THEN between the reserve ratio and 1, and the two sides are reciprocal', () => {
    // The curve is flatter than x·y = k: its price lies between y/x and 1 (inclusive when x = y).
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (r0, r1) => {
        const pair = { reserve0: r0, reserve1: r1, decimals0: 18, decimals1: 18 };
        const p0 = stablePairPrice({ ...pair, assetIsToken0: true });
        const p1 = stablePairPrice({ ...pair, assetIsToken0: false });
        const ratio = v2Price({ ...pair, assetIsToken0: true });
        if (!p0.ok || !p1.ok || !ratio.ok) throw new Error('missing');
        expect(p0.value).toBeGreaterThanOrEqual(Math.min(1, ratio.value) * (1 - 1e-15));
        expect(p0.value).toBeLessThanOrEqual(Math.max(1, ratio.value) * (1 + 1e-15));
        expect(p0.value * p1.value).toBeCloseTo(1, 12);
      }),
    );
  });
});
