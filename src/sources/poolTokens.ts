import type { Abi, Address, PublicClient } from 'viem';
import type { PoolSourceConfig } from '../config/poolKinds.ts';
import { algebraPoolAbi, uniswapV2PairAbi, uniswapV3PoolAbi } from './abis.ts';
import { callAnswered, callFailureReason, describeToken, identityRead, onChain, readTokenIdentity, requireContract, type IdentityScope } from './contractIdentity.ts';
import { SourceReadError, type CallResult, type RawValues, type SourceReader, type ViewCall } from './sourceReader.ts';

export interface PoolTokens {
  readonly decimals0: number;
  readonly decimals1: number;
  readonly assetIsToken0: boolean;
}

/** Each pool kind's spot view: the one view that tells the families apart (none of them has another's). */
const SPOT_VIEWS: readonly { kind: PoolSourceConfig['kind']; view: string; abi: Abi; family: string }[] = [
  { kind: 'uniswap-v2', view: 'getReserves', abi: uniswapV2PairAbi, family: 'a Uniswap-V2 pair' },
  { kind: 'uniswap-v3', view: 'slot0', abi: uniswapV3PoolAbi, family: 'a Uniswap-V3 pool' },
  { kind: 'algebra', view: 'globalState', abi: algebraPoolAbi, family: 'an Algebra pool' },
];

/**
 * Checks the pool answers its kind's spot view. When it does not but another kind's does, says which kind to
 * configure ("slot0() reverted, but globalState() answers: this is an Algebra pool: use kind: algebra").
 */
async function checkPoolKind(client: PublicClient, config: PoolSourceConfig, scope: IdentityScope): Promise<void> {
  const own = SPOT_VIEWS.find((s) => s.kind === config.kind)!;
  const where = `pool ${onChain(config.pool, config.chain)}`;
  try {
    await client.readContract({ address: config.pool, abi: own.abi, functionName: own.view });
    return;
  } catch (error) {
    if (!callAnswered(error)) throw error;
    await requireContract(client, scope, config.pool);
    const others = SPOT_VIEWS.filter((s) => s !== own);
    const answers = await Promise.all(
      others.map((s) =>
        client.readContract({ address: config.pool, abi: s.abi, functionName: s.view }).then(
          () => true,
          () => false,
        ),
      ),
    );
    const other = others.find((_, i) => answers[i]);
    const found = `${where}: ${own.view}() ${callFailureReason(error)}`;
    throw new SourceReadError(scope.sourceId, other ? `${found}, but ${other.view}() answers: this is ${other.family}: use kind: ${other.kind}` : `${found}: not ${own.family}`, { cause: error });
  }
}

/**
 * Reads a pool's token order and decimals from the chain and finds which side is the configured asset, after
 * checking the address is a pool of the configured kind and its tokens are tokens (and the asset's symbol,
 * when the config names one).
 * @throws SourceReadError naming the pool, the chain and what was found, when any of that does not hold.
 */
export async function readPoolTokens(client: PublicClient, config: PoolSourceConfig, poolAbi: Abi): Promise<PoolTokens> {
  const scope: IdentityScope = { sourceId: config.id, chainId: config.chain };
  const where = `pool ${onChain(config.pool, config.chain)}`;
  const readToken = (side: 'token0' | 'token1') =>
    identityRead(client, scope, config.pool, client.readContract({ address: config.pool, abi: poolAbi, functionName: side }) as Promise<Address>, (reason) => `${where} does not answer ${side}() (${reason}): not a pool`);
  // One batch; the kind's check is reported first: its message says what the address is instead.
  const [kind, first, second] = await Promise.allSettled([checkPoolKind(client, config, scope), readToken('token0'), readToken('token1')]);
  for (const outcome of [kind, first, second]) if (outcome.status === 'rejected') throw outcome.reason;
  const token0 = (first as PromiseFulfilledResult<Address>).value;
  const token1 = (second as PromiseFulfilledResult<Address>).value;

  const asset = config.assetAddress.toLowerCase();
  if (token0.toLowerCase() !== asset && token1.toLowerCase() !== asset) {
    const [found0, found1] = await Promise.all([describeToken(client, token0), describeToken(client, token1)]);
    throw new SourceReadError(config.id, `${where} holds token0 ${found0} and token1 ${found1}; neither is assetAddress ${config.assetAddress}`);
  }
  const assetIsToken0 = token0.toLowerCase() === asset;
  const [t0, t1] = await Promise.all([
    readTokenIdentity(client, scope, { address: token0, where: `token0 ${token0} of ${where}`, expectedSymbol: assetIsToken0 ? config.assetSymbol : undefined }),
    readTokenIdentity(client, scope, { address: token1, where: `token1 ${token1} of ${where}`, expectedSymbol: assetIsToken0 ? undefined : config.assetSymbol }),
  ]);
  return { decimals0: t0.decimals, decimals1: t1.decimals, assetIsToken0 };
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
