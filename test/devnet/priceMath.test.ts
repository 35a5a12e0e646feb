import { describe, expect, it } from 'vitest';
import { fullRangeTicks, sqrtPriceX96FromPrice, v2AmountOut, v2SwapToPrice } from '../../src/devnet/priceMath.ts';

describe('devnet price math', () => {
  it('v2AmountOut is UniswapV2Library.getAmountOut: 0.3 % fee on the input, rounded down', () => {
    // 1,000 × 997 × 100,000 / (100,000 × 1,000 + 1,000 × 997) = 99,700,000,000 / 100,997,000 = 987.16
    expect(v2AmountOut(1_000n, 100_000n, 100_000n)).toBe(987n);
    // 42 × 997 × 100 / (100 × 1,000 + 42 × 997) = 4,187,400 / 141,874 = 29.51
    expect(v2AmountOut(42n, 100n, 100n)).toBe(29n);
    expect(v2AmountOut(0n, 100n, 100n)).toBe(0n);
  });

  it('v2SwapToPrice: the largest exact-input swap that does not pass the price, in either direction', () => {
    // Reserves 100/100 to a price of 0.5: selling 42 token0 takes 29 token1, leaving 142/71 → 71/142 = 0.5 exactly;
    // 43 in takes 30 out, 70/143 = 0.4895, past it.
    expect(v2SwapToPrice(100n, 100n, { num: 1n, den: 2n }, 0, 0)).toEqual({ zeroForOne: true, amountIn: 42n, amountOut: 29n });
    // The mirror: to a price of 2 token1 is sold, leaving 71/142 → 142/71 = 2.
    expect(v2SwapToPrice(100n, 100n, { num: 2n, den: 1n }, 0, 0)).toEqual({ zeroForOne: false, amountIn: 42n, amountOut: 29n });
    // Already there: no swap.
    expect(v2SwapToPrice(100n, 100n, { num: 1n, den: 1n }, 0, 0)).toBeUndefined();
    expect(() => v2SwapToPrice(100n, 100n, { num: 0n, den: 1n }, 0, 0)).toThrow(RangeError);
  });

  it('v2SwapToPrice scales by the decimals: a 6-decimal token0 against an 18-decimal token1', () => {
    // 1,000 USDC (6) against 25 METIS (18): 0.025 METIS per USDC; to 0.02 USDC is sold into the pair.
    const reserve0 = 1_000n * 10n ** 6n;
    const reserve1 = 25n * 10n ** 18n;
    const swap = v2SwapToPrice(reserve0, reserve1, { num: 2n, den: 100n }, 6, 18)!;
    expect(swap.zeroForOne).toBe(true);
    expect(swap.amountOut).toBe(v2AmountOut(swap.amountIn, reserve0, reserve1));
    const price = (amountIn: bigint) => {
      const out = v2AmountOut(amountIn, reserve0, reserve1);
      return (Number(reserve1 - out) / 1e18) / (Number(reserve0 + amountIn) / 1e6);
    };
    expect(price(swap.amountIn)).toBeGreaterThanOrEqual(0.02);
    expect(price(swap.amountIn + 1n)).toBeLessThan(0.02);
    expect(price(swap.amountIn)).toBeCloseTo(0.02, 9);
  });

  it('fullRangeTicks: TickMath bounds (±887,272) rounded toward zero to the spacing', () => {
    expect(fullRangeTicks(1)).toEqual({ tickLower: -887_272, tickUpper: 887_272 });
    expect(fullRangeTicks(10)).toEqual({ tickLower: -887_270, tickUpper: 887_270 });
    expect(fullRangeTicks(60)).toEqual({ tickLower: -887_220, tickUpper: 887_220 });
    expect(fullRangeTicks(200)).toEqual({ tickLower: -887_200, tickUpper: 887_200 });
    expect(() => fullRangeTicks(0)).toThrow(RangeError);
  });

  it('sqrtPriceX96FromPrice: 2^96 at 1, and the decimals move the raw price', () => {
    expect(sqrtPriceX96FromPrice({ num: 1n, den: 1n }, 18, 18)).toBe(2n ** 96n);
    // 4 whole token1 per token0 with equal decimals: sqrt(4) × 2^96
    expect(sqrtPriceX96FromPrice({ num: 4n, den: 1n }, 18, 18)).toBe(2n ** 97n);
    // 1 whole token1 (6) per token0 (18): raw price 10^-12, sqrt 10^-6
    expect(sqrtPriceX96FromPrice({ num: 1n, den: 1n }, 18, 6)).toBe(2n ** 96n / 10n ** 6n);
  });
});
