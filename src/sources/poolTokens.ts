import type { Abi, Address, PublicClient } from 'viem';
import type { PoolSourceConfig } from '../config/poolKinds.ts';
import { erc20Abi } from './abis.ts';
import { readDecimals, SourceReadError, type CallResult, type RawValues, type SourceReader, type ViewCall } from './sourceReader.ts';

export interface PoolTokens {
  readonly decimals0: number;
  readonly decimals1: number;
  readonly assetIsToken0: boolean;
}

/**
 * Reads a pool's token order and decimals from the chain and finds which side is the configured asset.
 * @throws SourceReadError when neither token is the configured asset address.
 */
export async function readPoolTokens(
  client: PublicClient,
  config: PoolSourceConfig,
  poolAbi: Abi,
): Promise<PoolTokens> {
  const [token0, token1] = (await Promise.all([
    client.readContract({ address: config.pool, abi: poolAbi, functionName: 'token0' }),
    client.readContract({ address: config.pool, abi: poolAbi, functionName: 'token1' }),
  ])) as [Address, Address];
  const asset = config.assetAddress.toLowerCase();
  if (token0.toLowerCase() !== asset && token1.toLowerCase() !== asset) {
    throw new SourceReadError(config.id, `pool ${config.pool} holds ${token0} and ${token1}; neither is assetAddress ${config.assetAddress}`);
  }
  const [decimals0, decimals1] = await Promise.all([
    readDecimals(client, config.id, token0, erc20Abi),
    readDecimals(client, config.id, token1, erc20Abi),
  ]);
  return { decimals0, decimals1, assetIsToken0: token0.toLowerCase() === asset };
}

/** The pool metadata as raw values stored with each observation, so history is self-describing. */
export function poolTokenValues(tokens: PoolTokens | undefined): Record<string, bigint> {
  return {
    decimals0: BigInt(tokens?.decimals0 ?? 18),
    decimals1: BigInt(tokens?.decimals1 ?? 18),
    assetIsToken0: tokens?.assetIsToken0 === false ? 0n : 1n,
  };
}

/**
 * A pool reader: token order and decimals are read once (`prepare`), then each cycle's views are the
 * pool kind's own; their decoded values come with the token metadata attached.
 */
export function poolReader(
  config: PoolSourceConfig,
  poolAbi: Abi,
  views: { calls: readonly ViewCall[]; decode: (results: readonly CallResult[]) => RawValues },
): SourceReader {
  let tokens: PoolTokens | undefined;
  return {
    config,
    get prepared() {
      return tokens !== undefined;
    },
    async prepare(client: PublicClient) {
      tokens = await readPoolTokens(client, config, poolAbi);
    },
    calls: () => views.calls,
    decode: (results) => ({ ...views.decode(results), ...poolTokenValues(tokens) }),
  };
}
