import { BaseError, ContractFunctionRevertedError } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { uniswapV3PoolAbi } from './abis.ts';
import { poolReader } from './poolTokens.ts';
import { resultAt, SourceReadError, uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * A Uniswap-V3-style pool: `slot0().sqrtPriceX96` gives the spot price and, unless `twapSeconds` is 0,
 * `observe([twapSeconds, 0])` the TWAP, all in the cycle's one multicall.
 */
export function uniswapV3Reader(config: SourceOfKind<'uniswap-v3'>): SourceReader {
  const window = config.twapSeconds;
  return poolReader(config, uniswapV3PoolAbi, {
    calls: [
      { address: config.pool, abi: uniswapV3PoolAbi, functionName: 'slot0' },
      { address: config.pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' },
      ...(window > 0 ? [{ address: config.pool, abi: uniswapV3PoolAbi, functionName: 'observe', args: [[window, 0]] }] : []),
    ],
    decode(results) {
      const slot0 = resultAt(config.id, results, 0, 'slot0');
      if (!Array.isArray(slot0) || typeof slot0[0] !== 'bigint') throw new SourceReadError(config.id, 'slot0 answered out of shape');
      return {
        sqrtPriceX96: slot0[0],
        liquidity: uintAt(config.id, results, 1, 'liquidity'),
        ...(window > 0 ? twapValues(results[2], window) : {}),
      };
    },
  });
}

/**
 * Raw values of the TWAP: the window and the difference of its two tickCumulatives. `observe` is optional, unlike
 * the other views: it reverts "OLD" whenever the pool's oracle does not reach back over the window (a young pool,
 * or cardinality 1 with a swap inside the window), and the spot price must not fail with it. That case is kept
 * as `twapOracleTooShort`; any other failure leaves the delta out.
 */
function twapValues(entry: CallResult | undefined, window: number): Record<string, bigint> {
  const twapSeconds = BigInt(window);
  if (entry?.status === 'success') {
    const cumulatives = Array.isArray(entry.result) ? (entry.result[0] as unknown) : undefined;
    const [past, now] = Array.isArray(cumulatives) ? (cumulatives as unknown[]) : [];
    return typeof past === 'bigint' && typeof now === 'bigint' ? { twapSeconds, twapTickCumulativeDelta: now - past } : { twapSeconds };
  }
  const reverted = entry?.error instanceof BaseError ? entry.error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
  return reverted instanceof ContractFunctionRevertedError && reverted.reason === 'OLD' ? { twapSeconds, twapOracleTooShort: 1n } : { twapSeconds };
}
