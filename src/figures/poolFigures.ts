import type { PoolSourceConfig } from '../config/poolKinds.ts';
import { depegBps } from '../core/depeg.ts';
import { stablePairExitLiquidity, v2ExitLiquidity, v3ExitLiquidity } from '../core/exitLiquidity.ts';
import { fairValue, type WrapperLink } from '../core/fairValue.ts';
import { missing, type Figure } from '../core/figure.ts';
import { v2Price, v3Price } from '../core/poolPrice.ts';
import { stablePairPrice } from '../core/stablePairPrice.ts';
import { v3TwapPrice } from '../core/twap.ts';
import type { Observation } from '../store/historyStore.ts';
import type { PoolFigures } from './figures.ts';

/**
 * A pool's spot and TWAP prices of its asset, the asset's fair value in the quote token, and the depeg of each.
 * A V2 observation with `stable: 1n` (a Camelot/Solidly stable pair) is priced and exited on x³y + xy³ = k;
 * one without `stable` (history from before it was stored) is a constant-product pair, as it was then read.
 */
export function poolFigures(p: {
  source: PoolSourceConfig;
  observation: Observation;
  links: ReadonlyMap<string, WrapperLink>;
}): PoolFigures {
  const { source, observation } = p;
  const v = observation.values;
  const tokens = { decimals0: Number(v.decimals0 ?? 18n), decimals1: Number(v.decimals1 ?? 18n), assetIsToken0: v.assetIsToken0 !== 0n };
  const stableCurve = source.kind === 'uniswap-v2' && v.stable === 1n;
  const price =
    source.kind === 'uniswap-v2'
      ? v.reserve0 !== undefined && v.reserve1 !== undefined
        ? (stableCurve ? stablePairPrice : v2Price)({ reserve0: v.reserve0, reserve1: v.reserve1, ...tokens })
        : missing('no-data')
      : v.sqrtPriceX96 !== undefined
        ? v3Price({ sqrtPriceX96: v.sqrtPriceX96, ...tokens })
        : missing('no-data');
  const twapSeconds = v.twapSeconds !== undefined && v.twapSeconds > 0n ? Number(v.twapSeconds) : undefined;
  // Why a TWAP is missing: a V2 pair has no oracle; a V3/Algebra window may be off, the oracle absent or too young.
  let twapPrice: Figure = missing(source.kind === 'uniswap-v2' ? 'no-twap' : 'twap-off');
  if (twapSeconds !== undefined) {
    twapPrice =
      v.twapTickCumulativeDelta !== undefined
        ? v3TwapPrice({ tickCumulativeDelta: v.twapTickCumulativeDelta, seconds: twapSeconds, ...tokens })
        : missing(v.twapOracleTooShort === 1n ? 'oracle-too-short' : v.twapNoOracle === 1n ? 'no-oracle' : 'no-data');
  }
  const fair = fairValue(p.links, source.asset, source.quote);
  const exit = (slippage: number) =>
    source.kind === 'uniswap-v2'
      ? v.reserve0 !== undefined && v.reserve1 !== undefined
        ? (stableCurve ? stablePairExitLiquidity : v2ExitLiquidity)({ reserve0: v.reserve0, reserve1: v.reserve1, ...tokens }, slippage)
        : missing('no-data')
      : v.sqrtPriceX96 !== undefined && v.liquidity !== undefined
        ? v3ExitLiquidity({ sqrtPriceX96: v.sqrtPriceX96, liquidity: v.liquidity, ...tokens }, slippage)
        : missing('no-data');
  return {
    kind: 'pool',
    asset: source.asset,
    quote: source.quote,
    ...(stableCurve ? { stableCurve: true as const } : {}),
    price,
    fairValue: fair,
    depegBps: depegBps(price, fair),
    ...(twapSeconds === undefined ? {} : { twapSeconds }),
    twapPrice,
    twapDepegBps: depegBps(twapPrice, fair),
    exitLiquidity1pct: exit(0.01),
    exitLiquidity5pct: exit(0.05),
  };
}
