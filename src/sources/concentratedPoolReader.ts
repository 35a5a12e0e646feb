import { BaseError, ContractFunctionRevertedError, type Abi } from 'viem';
import type { ConcentratedPoolConfig } from '../config/poolKinds.ts';
import { poolReader } from './poolTokens.ts';
import { resultAt, SourceReadError, uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/** The views that differ between concentrated-liquidity pool families; the answers have the same leading words. */
export interface ConcentratedPoolViews {
  readonly abi: Abi;
  /** No-argument view whose first word is the sqrt Q64.96 price (`slot0`, `globalState`). */
  readonly spot: string;
  /** View taking `uint32[] secondsAgos` whose first output is `int56[] tickCumulatives` (`observe`, `getTimepoints`). */
  readonly oracle: string;
}

/**
 * A concentrated-liquidity pool: the spot view's first word gives the spot price, `liquidity()` the in-range
 * liquidity and, unless `twapSeconds` is 0, `oracle([twapSeconds, 0])` the TWAP, all in the cycle's one multicall.
 */
export function concentratedPoolReader(config: ConcentratedPoolConfig, views: ConcentratedPoolViews): SourceReader {
  const window = config.twapSeconds;
  return poolReader(config, views.abi, {
    calls: [
      { address: config.pool, abi: views.abi, functionName: views.spot },
      { address: config.pool, abi: views.abi, functionName: 'liquidity' },
      ...(window > 0 ? [{ address: config.pool, abi: views.abi, functionName: views.oracle, args: [[window, 0]] }] : []),
    ],
    decode(results) {
      const spot = resultAt(config.id, results, 0, views.spot);
      if (!Array.isArray(spot) || typeof spot[0] !== 'bigint') throw new SourceReadError(config.id, `${views.spot} answered out of shape`);
      return {
        sqrtPriceX96: spot[0],
        liquidity: uintAt(config.id, results, 1, 'liquidity'),
        ...(window > 0 ? twapValues(results[2], window) : {}),
      };
    },
  });
}

/**
 * Raw values of the TWAP: the window and the difference of its two tickCumulatives. The oracle view is optional,
 * unlike the others: it reverts "OLD" whenever the pool's oracle does not reach back over the window (a young
 * pool, or a V3 cardinality of 1 with a swap inside the window), and the spot price must not fail with it. That
 * case is kept as `twapOracleTooShort`; any other revert as `twapNoOracle` (a pool without the oracle view, such
 * as an Algebra pool whose oracle is a plugin); an answer out of shape leaves the delta out.
 */
function twapValues(entry: CallResult | undefined, window: number): Record<string, bigint> {
  const twapSeconds = BigInt(window);
  if (entry?.status === 'success') {
    const cumulatives = Array.isArray(entry.result) ? (entry.result[0] as unknown) : undefined;
    const [past, now] = Array.isArray(cumulatives) ? (cumulatives as unknown[]) : [];
    return typeof past === 'bigint' && typeof now === 'bigint' ? { twapSeconds, twapTickCumulativeDelta: now - past } : { twapSeconds };
  }
  const reverted = entry?.error instanceof BaseError ? entry.error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
  if (reverted instanceof ContractFunctionRevertedError && reverted.reason === 'OLD') return { twapSeconds, twapOracleTooShort: 1n };
  return entry?.status === 'failure' ? { twapSeconds, twapNoOracle: 1n } : { twapSeconds };
}
