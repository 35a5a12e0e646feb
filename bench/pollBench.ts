import { createPublicClient, encodeFunctionData, http, type Address, type PublicClient } from 'viem';
import { configSchema, type Config } from '../src/config/configSchema.ts';
import { DEVNET_ADDRESSES } from '../src/devnet/devnetAddresses.ts';
import { deployFixture, sendBatch } from '../src/devnet/devnetChain.ts';
import { devnetErc20Abi, devnetRouterAbi, uniswapV2FactoryAbi } from '../src/devnet/fixtureAbis.ts';
import type { Devnet } from '../src/devnet/startDevnet.ts';
import { deployCamelotPair, deploySolidlyPair } from '../src/devnet/stablePairs.ts';
import { silentLogger } from '../src/log/logger.ts';
import { Poller } from '../src/poller/poller.ts';
import { createFailoverRpc } from '../src/rpc/failoverRpc.ts';
import { createSourceReader } from '../src/sources/createSourceReader.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { startCountingProxy } from '../test/helpers/countingProxy.ts';
import { percentile } from './percentiles.ts';

const E18 = 10n ** 18n;

export interface PollBenchResult {
  readonly sources: number;
  readonly batched: { readonly requestsPerCycle: number; readonly ethCallsPerCycle: number; readonly msMedian: number };
  readonly perView: { readonly requestsPerCycle: number; readonly msMedian: number };
}

/**
 * Deploys `vaults` ERC-4626 vaults (OpenZeppelin's, share prices 1.000 to 1.024) and `pools` Uniswap V2 pairs
 * (eMetis against a fresh WMETIS-like token each, from the devnet's factory) and two stable pairs (Camelot-style, Solidly-style) on the devnet's L2 and
 * returns a config naming them.
 */
async function deployBenchTower(devnet: Devnet, vaults: number, pools: number, rpcUrl: string): Promise<Config> {
  const { l2, fixtures } = devnet.deployment;
  const { eMetis, wmetis, router, uniswapV2Factory } = DEVNET_ADDRESSES.l2;
  const mint = (token: Address, to: Address, amount: bigint) => ({ target: token, callData: encodeFunctionData({ abi: devnetErc20Abi, functionName: 'mint', args: [to, amount] }) });
  const viaRouter = (callData: `0x${string}`) => ({ target: router, callData });
  const sources: Record<string, unknown>[] = [];
  const tokens: Record<string, unknown> = { METIS: {}, eMetis: { base: 'METIS' } };
  for (let i = 0; i < vaults; i++) {
    const vault = await deployFixture(l2.walletClient, l2.publicClient, fixtures, 'DevnetVault', [eMetis, `Bench vault ${i}`, `bv${i}`]);
    await sendBatch(l2, [
      mint(eMetis, router, 1_000n * E18),
      viaRouter(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'mintVaultShares', args: [vault, 1_000n * E18] })),
      mint(eMetis, vault, BigInt(i) * E18), // yield: share price 1 + i / 1000
    ]);
    tokens[`vault${i}`] = { base: 'eMetis', rateFrom: `vault${i}` };
    sources.push({ id: `vault${i}`, kind: 'erc4626', chain: 1088, token: `vault${i}`, vault });
  }
  for (let i = 0; i < pools; i++) {
    const quote = await deployFixture(l2.walletClient, l2.publicClient, fixtures, 'DevnetERC20', ['Wrapped Metis', 'WMETIS', 18]);
    await sendBatch(l2, [{ target: uniswapV2Factory, callData: encodeFunctionData({ abi: uniswapV2FactoryAbi, functionName: 'createPair', args: [eMetis, quote] }) }]);
    const pool = await l2.publicClient.readContract({ address: uniswapV2Factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [eMetis, quote] });
    const eMetisIsToken0 = eMetis.toLowerCase() < quote.toLowerCase();
    const [amountE, amountQ] = [100_000n * E18, BigInt(100_000 - i) * E18];
    await sendBatch(l2, [
      mint(eMetis, router, amountE),
      mint(quote, router, amountQ),
      viaRouter(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'addLiquidityV2', args: eMetisIsToken0 ? [pool, amountE, amountQ] : [pool, amountQ, amountE] })),
    ]);
    sources.push({ id: `pool${i}`, kind: 'uniswap-v2', chain: 1088, pool, asset: 'eMetis', assetAddress: eMetis, quote: 'METIS' });
  }
  // Stable pairs of both families: their stableSwap()/stable() probes run once at prepare; a cycle stays one eth_call.
  const stablePair = { token0: eMetis, token1: wmetis, stable: true, reserve0: 100_000n * E18, reserve1: 99_500n * E18 };
  const stablePools = { camelotStable: await deployCamelotPair(l2, fixtures, stablePair), solidlyStable: await deploySolidlyPair(l2, fixtures, stablePair) };
  for (const [id, pool] of Object.entries(stablePools)) {
    sources.push({ id, kind: 'uniswap-v2', chain: 1088, pool, asset: 'eMetis', assetAddress: eMetis, quote: 'METIS' });
  }
  // The devnet's real Algebra pool (artMETIS/WMETIS, as config/default.yaml reads Hercules'): globalState,
  // liquidity and getTimepoints in the same one eth_call.
  tokens.WMETIS = { base: 'METIS' };
  tokens.artMetis = { base: 'METIS' };
  const { algebraWmetisArtMetis, artMetis } = DEVNET_ADDRESSES.l2;
  sources.push({ id: 'algebra', kind: 'algebra', chain: 1088, pool: algebraWmetisArtMetis, asset: 'artMetis', assetAddress: artMetis, quote: 'WMETIS' });
  return configSchema.parse({ chains: [{ id: 1088, name: 'Devnet L2', rpc: [rpcUrl] }], tokens, sources, store: { path: ':memory:' } });
}

/**
 * One poll cycle over 53 vaults and pools (two of them stable pairs, one an Algebra pool), batched (the bot) against reading every view with its own
 * request, side by side on the same devnet; JSON-RPC requests counted on the wire by a proxy.
 */
export async function benchPoll(devnet: Devnet, cycles = 7): Promise<PollBenchResult> {
  const proxy = await startCountingProxy(devnet.l2.url);
  try {
    const config = await deployBenchTower(devnet, 25, 25, proxy.url);
    const store = openSqliteStore(':memory:');
    const rpc = createFailoverRpc({ chainId: 1088, urls: [proxy.url], timeoutMs: 10_000 });
    const poller = new Poller({ config, store, rpcs: new Map([[1088, rpc]]), logger: silentLogger });
    await poller.runCycle(); // metadata (decimals, token order) is read once, at the first cycle

    const batchedMs: number[] = [];
    proxy.reset();
    for (let i = 0; i < cycles; i++) {
      const start = performance.now();
      await poller.runCycle();
      batchedMs.push(performance.now() - start);
    }
    const batchedRequests = proxy.methods.length / cycles;
    const ethCalls = proxy.methods.filter((m) => m === 'eth_call').length / cycles;

    // The naive way: every view its own eth_call (no multicall, no JSON-RPC batching).
    const client = createPublicClient({ transport: http(proxy.url, { batch: false }) }) as PublicClient;
    const readers = config.sources.map(createSourceReader);
    await Promise.all(readers.map((r) => r.prepare(client)));
    const perViewMs: number[] = [];
    proxy.reset();
    for (let i = 0; i < cycles; i++) {
      const start = performance.now();
      await client.getBlockNumber({ cacheTime: 0 });
      for (const reader of readers) {
        // A revert is an answer, as in the multicall's allowFailure (a young pool's oracle answers OLD).
        for (const call of reader.calls()) await client.readContract({ ...call, args: call.args ?? [] }).catch(() => undefined);
      }
      perViewMs.push(performance.now() - start);
    }
    const perViewRequests = proxy.methods.length / cycles;
    store.close();
    return {
      sources: config.sources.length,
      batched: { requestsPerCycle: batchedRequests, ethCallsPerCycle: ethCalls, msMedian: percentile(batchedMs, 50) },
      perView: { requestsPerCycle: perViewRequests, msMedian: percentile(perViewMs, 50) },
    };
  } finally {
    await proxy.close();
  }
}
