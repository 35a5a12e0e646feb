import { missing, type Figure } from './figure.ts';
import { ratio } from './units.ts';

/**
 * Spot price of the asset in the quote token from Uniswap-V2-style reserves.
 * token0 in token1 = (reserve1 / 10^d1) / (reserve0 / 10^d0); inverted when the asset is token1. An empty side is 'zero-price'.
 * @example v2Price({ reserve0: 2_000_000n * 10n ** 6n, reserve1: 50_000n * 10n ** 18n, decimals0: 6, decimals1: 18, assetIsToken0: false }) // 40
 */
export function v2Price(p: { reserve0: bigint; reserve1: bigint; decimals0: number; decimals1: number; assetIsToken0: boolean }): Figure {
  if (p.reserve0 <= 0n || p.reserve1 <= 0n) return missing('zero-price');
  return p.assetIsToken0
    ? ratio(p.reserve1, p.reserve0, p.decimals1, p.decimals0)
    : ratio(p.reserve0, p.reserve1, p.decimals0, p.decimals1);
}

const Q192 = 1n << 192n;

/**
 * Spot price of the asset in the quote token from a Uniswap-V3-style sqrtPriceX96.
 * token0 in token1 = sqrtPriceX96² / 2^192 × 10^(d0 − d1), kept in bigint; inverted when the asset is token1.
 * @example v3Price({ sqrtPriceX96: 2n * 2n ** 96n, decimals0: 18, decimals1: 18, assetIsToken0: true }) // 4
 */
export function v3Price(p: { sqrtPriceX96: bigint; decimals0: number; decimals1: number; assetIsToken0: boolean }): Figure {
  if (p.sqrtPriceX96 <= 0n) return missing('zero-price');
  const squared = p.sqrtPriceX96 * p.sqrtPriceX96;
  // ratio(n, d, nd, dd) = n·10^dd / (d·10^nd), so passing (d1, d0) yields the × 10^(d0 − d1) factor.
  return p.assetIsToken0 ? ratio(squared, Q192, p.decimals1, p.decimals0) : ratio(Q192, squared, p.decimals0, p.decimals1);
}
