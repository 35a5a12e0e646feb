import type { SourceOfKind } from '../config/configSchema.ts';
import { uniswapV2PairAbi } from './abis.ts';
import { poolReader } from './poolTokens.ts';
import { resultAt, SourceReadError, type SourceReader } from './sourceReader.ts';

/** A Uniswap-V2-style pair: reserves give the spot price and the exit liquidity. */
export function uniswapV2Reader(config: SourceOfKind<'uniswap-v2'>): SourceReader {
  return poolReader(config, uniswapV2PairAbi, {
    calls: [{ address: config.pool, abi: uniswapV2PairAbi, functionName: 'getReserves' }],
    decode(results) {
      const reserves = resultAt(config.id, results, 0, 'getReserves');
      if (!Array.isArray(reserves) || typeof reserves[0] !== 'bigint' || typeof reserves[1] !== 'bigint') {
        throw new SourceReadError(config.id, 'getReserves answered out of shape');
      }
      return { reserve0: reserves[0], reserve1: reserves[1] };
    },
  });
}
