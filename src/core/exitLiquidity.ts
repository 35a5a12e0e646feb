import { figure, missing, type Figure } from './figure.ts';
import { normaliseReserves, stableAmountOut, stableMarginalPrice } from './stableCurve.ts';
import { ratio, toNumber } from './units.ts';

/**
 * Exit liquidity: how much of a pool's asset can be sold for the quote token before the average price of the
 * sale falls more than `slippage` below spot (pool fees not counted). Selling Δx into constant-product
 * reserves (x, y) fetches an average price below spot by Δx / (x + Δx), so at most x × p / (1 − p) can go.
 */

function checkSlippage(slippage: number): void {
  if (!(slippage > 0 && slippage < 1)) throw new RangeError(`slippage must be in (0, 1), got ${slippage}`);
}

/**
 * The most of an asset that constant-product reserves holding `assetReserve` of it take at an average
 * slippage of at most `slippage`: x × p / (1 − p).
 * @throws RangeError for a slippage outside (0, 1).
 * @example constantProductExit(100_000, 0.01) // 1010.10…
 */
export function constantProductExit(assetReserve: number, slippage: number): number {
  checkSlippage(slippage);
  return (assetReserve * slippage) / (1 - slippage);
}

/**
 * Exit liquidity of a Uniswap-V2-style pair, in whole asset tokens, from its reserve of the asset.
 * An empty side is 'zero-price' (as for its price).
 * @example v2ExitLiquidity({ reserve0: 99n * 10n ** 18n, reserve1: 10n ** 20n, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01) // 1
 */
export function v2ExitLiquidity(
  p: { reserve0: bigint; reserve1: bigint; decimals0: number; decimals1: number; assetIsToken0: boolean },
  slippage: number,
): Figure {
  checkSlippage(slippage);
  if (p.reserve0 <= 0n || p.reserve1 <= 0n) return missing('zero-price');
  const reserve = p.assetIsToken0 ? ratio(p.reserve0, 1n, p.decimals0) : ratio(p.reserve1, 1n, p.decimals1);
  return reserve.ok ? figure(constantProductExit(reserve.value, slippage)) : reserve;
}

const Q96 = 1n << 96n;

/**
 * Exit liquidity of a Uniswap-V3-style pool, in whole asset tokens, from the liquidity L in range now: the
 * virtual reserve of the asset is L / √P for token0 and L × √P for token1 (√P = sqrtPriceX96 / 2^96), and
 * the constant-product formula applies to it. A single-range approximation: it assumes the current
 * liquidity spans the whole move, whereas a real pool's liquidity changes at tick boundaries (the answer
 * can be too high or too low once the price leaves the current range).
 * @example v3ExitLiquidity({ sqrtPriceX96: 2n ** 96n, liquidity: 99n * 10n ** 18n, decimals0: 18, decimals1: 18, assetIsToken0: false }, 0.01) // 1
 */
export function v3ExitLiquidity(
  p: { sqrtPriceX96: bigint; liquidity: bigint; decimals0: number; decimals1: number; assetIsToken0: boolean },
  slippage: number,
): Figure {
  checkSlippage(slippage);
  if (p.sqrtPriceX96 <= 0n) return missing('zero-price');
  // Raw virtual reserve over 10^decimals, divided once in bigint.
  const reserve = p.assetIsToken0
    ? ratio(p.liquidity * Q96, p.sqrtPriceX96, p.decimals0)
    : ratio(p.liquidity * p.sqrtPriceX96, Q96, p.decimals1);
  return reserve.ok ? figure(constantProductExit(reserve.value, slippage)) : reserve;
}

/** Fixed-point scale of the slippage in the stable-pair search: 10^18, so the bound is checked in integers. */
const SLIPPAGE_SCALE = 10n ** 18n;

/**
 * Exit liquidity of a stable pair (x³y + xy³ = k), in whole asset tokens: the largest amount Δx of the asset
 * whose sale's average price Δy / Δx is at least spot × (1 − slippage), pool fees not counted. Δy comes from the
 * curve (`stableAmountOut`, the contracts' get_y in exact integers) and Δx from a bisection in the smallest
 * unit; the average price falls as Δx grows, and Δy < y bounds Δx by y / (spot × (1 − slippage)). Near balance
 * a stable pair takes far more than a constant-product pair with the same reserves. An empty side is 'zero-price'.
 * @throws RangeError for a slippage outside (0, 1).
 * @example stablePairExitLiquidity({ reserve0: 10n ** 18n, reserve1: 2n * 10n ** 18n, decimals0: 18, decimals1: 18, assetIsToken0: true }, 1 / 14) // ≈ 1
 */
export function stablePairExitLiquidity(
  p: { reserve0: bigint; reserve1: bigint; decimals0: number; decimals1: number; assetIsToken0: boolean },
  slippage: number,
): Figure {
  checkSlippage(slippage);
  if (p.reserve0 <= 0n || p.reserve1 <= 0n) return missing('zero-price');
  const { x, y, decimals } = p.assetIsToken0
    ? normaliseReserves(p.reserve0, p.reserve1, p.decimals0, p.decimals1)
    : normaliseReserves(p.reserve1, p.reserve0, p.decimals1, p.decimals0);
  const spot = stableMarginalPrice(x, y);
  const kept = SLIPPAGE_SCALE - BigInt(Math.round(slippage * Number(SLIPPAGE_SCALE))); // (1 − slippage) × scale
  // Δy / Δx ≥ (numerator / denominator) × (1 − slippage), cross-multiplied.
  const within = (dx: bigint) => stableAmountOut(x, y, dx) * spot.denominator * SLIPPAGE_SCALE >= dx * spot.numerator * kept;
  let low = 0n;
  let high = (y * spot.denominator * SLIPPAGE_SCALE) / (spot.numerator * kept) + 1n;
  while (high - low > 1n) {
    const mid = (low + high) / 2n;
    if (within(mid)) low = mid;
    else high = mid;
  }
  return figure(toNumber(low, decimals));
}
