import { AbiDecodingZeroDataError, BaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError, type Abi, type PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { camelotPairAbi, solidlyPairAbi, uniswapV2PairAbi } from './abis.ts';
import { poolReader } from './poolTokens.ts';
import { resultAt, SourceReadError, type CallResult, type SourceReader, type ViewCall } from './sourceReader.ts';

/**
 * Which family a pair belongs to, found once at prepare from the views it answers: a plain Uniswap V2 pair has
 * neither `stableSwap()` nor `stable()`; a Camelot-style pair (Hercules) has `stableSwap()`, which its factory's
 * setStableOwner may switch, so it is read again every cycle; a Solidly-style pair (Hermes) has `stable()`,
 * immutable.
 */
type PairFamily = { readonly kind: 'uniswap' } | { readonly kind: 'camelot' } | { readonly kind: 'solidly'; readonly stable: boolean };

/**
 * A Uniswap-V2-style pair: reserves give the spot price and the exit liquidity. Camelot and Solidly forks use
 * the same kind; their stable pairs (x³y + xy³ = k) are priced on that curve, not as a reserve ratio, so each
 * observation carries `stable` (1n or 0n).
 */
export function uniswapV2Reader(config: SourceOfKind<'uniswap-v2'>): SourceReader {
  let family: PairFamily | undefined;
  // The pool reader supplies token order and decimals; the views depend on the family, so they are listed here.
  const pool = poolReader(config, uniswapV2PairAbi, { calls: [], decode: (results) => decodeReserves(config.id, family, results) });
  return {
    config,
    get prepared() {
      return pool.prepared && family !== undefined;
    },
    async prepare(client: PublicClient) {
      // Concurrent with the token reads, so a batching client sends the probes in the same multicall.
      const [probed] = await Promise.all([probeFamily(client, config), pool.prepared ? undefined : pool.prepare(client)]);
      family = probed;
    },
    calls: () => (family ? callsOf(config, family) : []),
    decode: (results) => pool.decode(results),
  };
}

function callsOf(config: SourceOfKind<'uniswap-v2'>, family: PairFamily): ViewCall[] {
  switch (family.kind) {
    case 'uniswap':
      return [{ address: config.pool, abi: uniswapV2PairAbi, functionName: 'getReserves' }];
    case 'camelot':
      return [
        { address: config.pool, abi: camelotPairAbi, functionName: 'getReserves' },
        { address: config.pool, abi: camelotPairAbi, functionName: 'stableSwap' },
      ];
    case 'solidly':
      return [{ address: config.pool, abi: solidlyPairAbi, functionName: 'getReserves' }];
  }
}

function decodeReserves(sourceId: string, family: PairFamily | undefined, results: readonly CallResult[]): Record<string, bigint> {
  if (!family) throw new SourceReadError(sourceId, 'pair not prepared (stableSwap/stable probe missing)');
  const reserves = resultAt(sourceId, results, 0, 'getReserves');
  if (!Array.isArray(reserves) || typeof reserves[0] !== 'bigint' || typeof reserves[1] !== 'bigint') {
    throw new SourceReadError(sourceId, 'getReserves answered out of shape');
  }
  let stable = false;
  if (family.kind === 'camelot') {
    const answer = resultAt(sourceId, results, 1, 'stableSwap');
    if (typeof answer !== 'boolean') throw new SourceReadError(sourceId, `stableSwap answered ${String(answer)}, not a bool`);
    stable = answer;
  } else if (family.kind === 'solidly') {
    stable = family.stable;
  }
  return { reserve0: reserves[0], reserve1: reserves[1], stable: stable ? 1n : 0n };
}

/** Probes `stableSwap()` and `stable()` together; neither answering is a plain Uniswap V2 pair. */
async function probeFamily(client: PublicClient, config: SourceOfKind<'uniswap-v2'>): Promise<PairFamily> {
  const [stableSwap, stable] = await Promise.all([
    optionalBool(client, config, camelotPairAbi, 'stableSwap'),
    optionalBool(client, config, solidlyPairAbi, 'stable'),
  ]);
  if (stableSwap !== undefined) return { kind: 'camelot' };
  if (stable !== undefined) return { kind: 'solidly', stable };
  return { kind: 'uniswap' };
}

/**
 * A no-argument bool view, or undefined when the pair does not have it: the call reverts (no such function
 * and no fallback) or returns no data. Any other failure (the RPC, a timeout) throws, so prepare is retried
 * rather than a stable pair silently taken for a plain one.
 */
async function optionalBool(client: PublicClient, config: SourceOfKind<'uniswap-v2'>, abi: Abi, functionName: string): Promise<boolean | undefined> {
  let value: unknown;
  try {
    value = await client.readContract({ address: config.pool, abi, functionName });
  } catch (error) {
    if (isAbsentView(error)) return undefined;
    throw error;
  }
  if (typeof value !== 'boolean') throw new SourceReadError(config.id, `${functionName}() of ${config.pool} answered ${String(value)}, not a bool`);
  return value;
}

function isAbsentView(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const cause = error.walk((e) => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError || e instanceof AbiDecodingZeroDataError);
  return cause !== null && cause !== undefined;
}
