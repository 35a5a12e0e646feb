import { missing, type Figure } from './figure.ts';
import { normaliseReserves, stableMarginalPrice } from './stableCurve.ts';
import { ratio } from './units.ts';

/**
 * Spot price of the asset in the quote token from a stable pair's reserves (Solidly `stable()`, Camelot
 * `stableSwap()`): the marginal price on x³y + xy³ = k with x the asset's and y the quote's reserve, both in
 * whole tokens, (3x²y + y³) / (x³ + 3xy²). The curve is symmetric in x and y, so the same formula serves
 * whichever side the asset is. Exact integers until the one division. An empty side is 'zero-price'.
 * @example stablePairPrice({ reserve0: 2n * 10n ** 18n, reserve1: 10n ** 18n, decimals0: 18, decimals1: 18, assetIsToken0: true }) // 13/14
 */
export function stablePairPrice(p: { reserve0: bigint; reserve1: bigint; decimals0: number; decimals1: number; assetIsToken0: boolean }): Figure {
  if (p.reserve0 <= 0n || p.reserve1 <= 0n) return missing('zero-price');
  const { x, y } = p.assetIsToken0
    ? normaliseReserves(p.reserve0, p.reserve1, p.decimals0, p.decimals1)
    : normaliseReserves(p.reserve1, p.reserve0, p.decimals1, p.decimals0);
  const price = stableMarginalPrice(x, y);
  return ratio(price.numerator, price.denominator);
}
