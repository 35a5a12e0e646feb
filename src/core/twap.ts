import { missing, type Figure } from './figure.ts';
import { v3Price } from './poolPrice.ts';
import { MAX_TICK, MIN_TICK, sqrtRatioAtTick } from './tickMath.ts';

/**
 * The arithmetic mean tick over a window from the difference of two `observe` tickCumulatives, rounded toward
 * −∞ as Uniswap's OracleLibrary.consult does (bigint division alone truncates toward zero).
 * @example meanTick(-7n, 2) // −4 (−3.5 rounded down)
 */
export function meanTick(tickCumulativeDelta: bigint, seconds: number): number {
  if (!Number.isInteger(seconds) || seconds <= 0) throw new RangeError(`seconds must be a positive integer, got ${seconds}`);
  const s = BigInt(seconds);
  let tick = tickCumulativeDelta / s;
  if (tickCumulativeDelta < 0n && tickCumulativeDelta % s !== 0n) tick -= 1n;
  return Number(tick);
}

/**
 * Time-weighted price of the asset in the quote token from a V3 pool's oracle: the price at the mean tick,
 * 1.0001^tick × 10^(d0 − d1) for token0 in token1 (inverted when the asset is token1). That is the geometric
 * mean of the window's prices, as every V3 TWAP consumer reads it; it goes through the same sqrtPriceX96 path
 * as the spot price, so a steady pool's TWAP equals its spot to within one tick (1 bp).
 * A window of no seconds or a mean tick outside the tick range (not a real pool) is 'no-data'.
 * @example v3TwapPrice({ tickCumulativeDelta: 6932n * 1800n, seconds: 1800, decimals0: 18, decimals1: 18, assetIsToken0: true }) // ≈ 2.00004
 */
export function v3TwapPrice(p: { tickCumulativeDelta: bigint; seconds: number; decimals0: number; decimals1: number; assetIsToken0: boolean }): Figure {
  if (!Number.isInteger(p.seconds) || p.seconds <= 0) return missing('no-data');
  const tick = meanTick(p.tickCumulativeDelta, p.seconds);
  if (tick < MIN_TICK || tick > MAX_TICK) return missing('no-data');
  return v3Price({ sqrtPriceX96: sqrtRatioAtTick(tick), decimals0: p.decimals0, decimals1: p.decimals1, assetIsToken0: p.assetIsToken0 });
}
