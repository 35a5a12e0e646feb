import type { SourceOfKind } from '../config/configSchema.ts';
import { uniswapV3PoolAbi } from './abis.ts';
import { poolReader } from './poolTokens.ts';
import { resultAt, SourceReadError, uintAt, type SourceReader } from './sourceReader.ts';

/** A Uniswap-V3-style pool: `slot0().sqrtPriceX96` gives the spot price. */
export function uniswapV3Reader(config: SourceOfKind<'uniswap-v3'>): SourceReader {
  return poolReader(config, uniswapV3PoolAbi, {
    calls: [
      { address: config.pool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
      { address: config.pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' },
    ],
    decode(results) {
      const slot0 = resultAt(config.id, results, 0, 'slot0');
      if (!Array.isArray(slot0) || typeof slot0[0] !== 'bigint') throw new SourceReadError(config.id, 'slot0 answered out of shape');
      return { sqrtPriceX96: slot0[0], liquidity: uintAt(config.id, results, 1, 'liquidity') };
    },
  });
}
