import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stablePairExitLiquidity, v2ExitLiquidity } from '../../src/core/exitLiquidity.ts';
import { missing } from '../../src/core/figure.ts';
import { stableAmountOut } from '../../src/core/stableCurve.ts';

const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
const value = (f: ReturnType<typeof stablePairExitLiquidity>) => (f.ok ? f.value : Number.NaN);

/**
 * An independent solution in doubles: y' from x'·y'³ + x'³·y' = k by Cardano (a depressed cubic with one real root),
 * then the amount whose average price is spot × (1 − slippage) by bisection.
 */
function cardanoExit(x: number, y: number, slippage: number): number {
  const k = x * y * (x * x + y * y);
  const out = (dx: number) => {
    const xa = x + dx;
    const p = xa * xa;
    const q = -k / xa;
    const s = Math.sqrt((q * q) / 4 + (p * p * p) / 27);
    return y - (Math.cbrt(-q / 2 + s) + Math.cbrt(-q / 2 - s));
  };
  const spot = (3 * x * x * y + y ** 3) / (x ** 3 + 3 * x * y * y);
  let low = 0;
  let high = (y / spot / (1 - slippage)) * 2;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (out(mid) / mid >= spot * (1 - slippage)) low = mid;
    else high = mid;
  }
  return low;
}

describe('stablePairExitLiquidity', () => {
  it('GIVEN x = 1, y = 3 and a slippage of 2/9 THEN 2 (selling 2 lands on the mirror point (3, 1), average price 1 = spot 9/7 × 7/9)', () => {
    // Spot (3·1·3 + 27) / (1 + 3·9) = 36/28 = 9/7; the sale of 2 returns 2, an average of 1 = 9/7 × (1 − 2/9).
    const f = stablePairExitLiquidity({ reserve0: E18, reserve1: 3n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 2 / 9);
    expect(value(f)).toBeCloseTo(2, 12);
  });

  it('GIVEN x = 1, y = 2 and a slippage of 1/14 THEN 1 (to the mirror point (2, 1): average 1 = spot 14/13 × 13/14)', () => {
    const f = stablePairExitLiquidity({ reserve0: E18, reserve1: 2n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 1 / 14);
    expect(value(f)).toBeCloseTo(1, 12);
  });

  it('GIVEN the asset as a 6-decimal token1 THEN the same curve in whole tokens', () => {
    // Quote token0 (18 decimals) 2,000,000 against the asset token1 (6 decimals) 1,000,000: (1, 2) in millions.
    const f = stablePairExitLiquidity({ reserve0: 2_000_000n * E18, reserve1: 1_000_000n * E6, decimals0: 18, decimals1: 6, assetIsToken0: false }, 1 / 14);
    expect(value(f) / 1e6).toBeCloseTo(1, 9);
  });

  it('GIVEN a balanced 1M / 1M pair THEN what an independent Cardano solution gives, far above constant product', () => {
    const pair = { reserve0: 1_000_000n * E18, reserve1: 1_000_000n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true };
    for (const slippage of [0.01, 0.05]) {
      const expected = cardanoExit(1e6, 1e6, slippage);
      expect(value(stablePairExitLiquidity(pair, slippage)) / expected).toBeCloseTo(1, 8);
    }
    // Constant product takes 1M × 0.01 / 0.99 = 10,101; the flat curve takes 27 times that (273,448.8…).
    expect(value(v2ExitLiquidity(pair, 0.01))).toBeCloseTo(10_101.0101, 3);
    expect(value(stablePairExitLiquidity(pair, 0.01))).toBeCloseTo(273_448.8389, 3);
  });

  it('GIVEN any reserves THEN selling the answer fetches an average price of spot × (1 − slippage)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 18n, max: 10n ** 27n }),
        fc.bigInt({ min: 10n ** 18n, max: 10n ** 27n }),
        fc.constantFrom(0.001, 0.01, 0.05, 0.2),
        (x, y, slippage) => {
          const f = stablePairExitLiquidity({ reserve0: x, reserve1: y, decimals0: 18, decimals1: 18, assetIsToken0: true }, slippage);
          const spot = (3 * Number(x) ** 2 * Number(y) + Number(y) ** 3) / (Number(x) ** 3 + 3 * Number(x) * Number(y) ** 2);
          const dx = BigInt(Math.round(value(f) * 1e18)); // back to raw units, to a double's precision
          const average = Number(stableAmountOut(x, y, dx)) / Number(dx);
          expect(average / spot).toBeCloseTo(1 - slippage, 12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('GIVEN an empty side THEN zero-price; a slippage outside (0, 1) THEN RangeError', () => {
    expect(stablePairExitLiquidity({ reserve0: 0n, reserve1: E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01)).toEqual(missing('zero-price'));
    expect(() => stablePairExitLiquidity({ reserve0: E18, reserve1: E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0)).toThrow(RangeError);
    expect(() => stablePairExitLiquidity({ reserve0: E18, reserve1: E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 1)).toThrow(RangeError);
  });
});
