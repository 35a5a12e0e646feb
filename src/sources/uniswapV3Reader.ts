import type { SourceOfKind } from '../config/configSchema.ts';
import { uniswapV3PoolAbi } from './abis.ts';
import { concentratedPoolReader } from './concentratedPoolReader.ts';
import type { SourceReader } from './sourceReader.ts';

/**
 * A Uniswap-V3-style pool: `slot0().sqrtPriceX96` gives the spot price and, unless `twapSeconds` is 0,
 * `observe([twapSeconds, 0])` the TWAP, all in the cycle's one multicall.
 */
export function uniswapV3Reader(config: SourceOfKind<'uniswap-v3'>): SourceReader {
  return concentratedPoolReader(config, { abi: uniswapV3PoolAbi, spot: 'slot0', oracle: 'observe' });
}
