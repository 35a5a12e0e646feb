import { createPublicClient, createTestClient, createWalletClient, getAddress, http, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/configSchema.ts';
import { stablePairExitLiquidity } from '../../src/core/exitLiquidity.ts';
import type { Figure } from '../../src/core/figure.ts';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import { compileFixtures, type Fixtures } from '../../src/devnet/compileFixtures.ts';
import { devnetErc20Abi } from '../../src/devnet/fixtureAbis.ts';
import { deployCamelotPair, deploySolidlyPair, mockCamelotPairAbi, mockSolidlyPairAbi, type DeployClients } from '../../src/devnet/stablePairs.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { camelotPairAbi, solidlyPairAbi } from '../../src/sources/abis.ts';
import type { PoolFigures } from '../../src/figures/figures.ts';
import { Poller } from '../../src/poller/poller.ts';
import { MULTICALL3_ADDRESS } from '../../src/vocabulary/chains.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy.ts';
import uniswapV2PairArtifact from '@uniswap/v2-core/build/UniswapV2Pair.json' with { type: 'json' };

const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
/** anvil's default account 0. */
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

/**
 * The `uniswap-v2` kind on a real anvil: Camelot-style and Solidly-style stable pairs (our fixtures with the
 * mainnet ABIs) are priced on x³y + xy³ = k, their volatile siblings and a plain Uniswap V2 pair (the real
 * UniswapV2Pair bytecode from @uniswap/v2-core) on the reserve ratio, all in one eth_call per cycle.
 */
describe('stable pairs in the uniswap-v2 kind, on anvil', () => {
  let anvil: AnvilHandle;
  let proxy: CountingProxy;
  let store: Storage;
  let poller: Poller;
  let chain: DeployClients;
  let compiled: Fixtures;
  const pools = {} as Record<'camelotStable' | 'camelotVolatile' | 'solidlyStable' | 'solidlyVolatile' | 'plainV2', Address>;
  const tokens = {} as Record<'eMetis' | 'METIS' | 'USDC' | 'sUSD', Address>;

  async function mined(hash: Hex): Promise<void> {
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`tx ${hash} reverted`);
  }

  async function deploy(abi: Abi, bytecode: Hex, args: readonly unknown[]): Promise<Address> {
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: await chain.walletClient.deployContract({ abi, bytecode, args }) });
    if (!receipt.contractAddress) throw new Error('deployment failed');
    return getAddress(receipt.contractAddress);
  }

  /** The real Uniswap V2 pair, deployed by us as its "factory" (so we may initialize it), reserves by sync(). */
  async function deployRealV2Pair(token0: Address, token1: Address, reserve0: bigint, reserve1: bigint): Promise<Address> {
    const abi = uniswapV2PairArtifact.abi as Abi;
    const pair = await deploy(abi, `0x${uniswapV2PairArtifact.bytecode.replace(/^0x/, '')}`, []);
    await mined(await chain.walletClient.writeContract({ address: pair, abi, functionName: 'initialize', args: [token0, token1] }));
    await mined(await chain.walletClient.writeContract({ address: token0, abi: devnetErc20Abi, functionName: 'mint', args: [pair, reserve0] }));
    await mined(await chain.walletClient.writeContract({ address: token1, abi: devnetErc20Abi, functionName: 'mint', args: [pair, reserve1] }));
    await mined(await chain.walletClient.writeContract({ address: pair, abi, functionName: 'sync', args: [] }));
    return pair;
  }

  const pool = (id: string): PoolFigures => {
    const f = poller.snapshot().sources.find((s) => s.id === id)?.figures;
    if (f?.kind !== 'pool') throw new Error(`${id} has no pool figures: ${JSON.stringify(poller.snapshot().sources.find((s) => s.id === id)?.lastError)}`);
    return f;
  };
  const value = (f: Figure | undefined) => (f?.ok ? f.value : Number.NaN);

  beforeAll(async () => {
    [anvil, compiled] = await Promise.all([startAnvil({ chainId: 1088 }), compileFixtures()]);
    const fixtures = compiled;
    const transport = http(anvil.url, { retryCount: 0 });
    const account = privateKeyToAccount(DEPLOYER_KEY);
    const viemChain = { id: 1088, name: 'anvil', nativeCurrency: { name: 'Metis', symbol: 'METIS', decimals: 18 }, rpcUrls: { default: { http: [anvil.url] } } } as const;
    chain = {
      walletClient: createWalletClient({ chain: viemChain, transport, account, pollingInterval: 50 }),
      publicClient: createPublicClient({ chain: viemChain, transport, pollingInterval: 50 }),
    };
    await createTestClient({ chain: viemChain, transport, mode: 'anvil' }).setCode({ address: MULTICALL3_ADDRESS, bytecode: fixtures.Multicall3.deployedBytecode });

    const token = (name: string, decimals: number) => deploy(fixtures.DevnetERC20.abi, fixtures.DevnetERC20.bytecode, [name, name, decimals]);
    tokens.eMetis = await token('eMetis', 18);
    tokens.METIS = await token('METIS', 18);
    tokens.USDC = await token('USDC', 6);
    tokens.sUSD = await token('sUSD', 18);

    // eMetis (token0) 2,000,000 against METIS (token1) 1,000,000: on the curve 13/14 METIS, as a ratio 0.5.
    const twoToOne = { token0: tokens.eMetis, token1: tokens.METIS, reserve0: 2_000_000n * E18, reserve1: 1_000_000n * E18 };
    pools.camelotStable = await deployCamelotPair(chain, fixtures, { ...twoToOne, stable: true });
    pools.camelotVolatile = await deployCamelotPair(chain, fixtures, { ...twoToOne, stable: false });
    pools.solidlyVolatile = await deploySolidlyPair(chain, fixtures, { ...twoToOne, stable: false });
    pools.plainV2 = await deployRealV2Pair(tokens.eMetis, tokens.METIS, twoToOne.reserve0, twoToOne.reserve1);
    // USDC (6 decimals, token0) 1,000,000 against sUSD (18) 2,000,000: x = 1, y = 2 in millions, 14/13 sUSD per USDC.
    pools.solidlyStable = await deploySolidlyPair(chain, fixtures, { token0: tokens.USDC, token1: tokens.sUSD, stable: true, reserve0: 1_000_000n * E6, reserve1: 2_000_000n * E18 });

    proxy = await startCountingProxy(anvil.url);
    const v2 = (id: keyof typeof pools, asset: 'eMetis' | 'USDC', quote: 'METIS' | 'sUSD') => ({ id, kind: 'uniswap-v2', chain: 1088, pool: pools[id], asset, assetAddress: tokens[asset], quote });
    const config = configSchema.parse({
      chains: [{ id: 1088, name: 'anvil', rpc: [proxy.url] }],
      tokens: { METIS: {}, eMetis: { base: 'METIS' }, USDC: {}, sUSD: {} },
      sources: [
        v2('camelotStable', 'eMetis', 'METIS'),
        v2('camelotVolatile', 'eMetis', 'METIS'),
        v2('solidlyStable', 'USDC', 'sUSD'),
        v2('solidlyVolatile', 'eMetis', 'METIS'),
        v2('plainV2', 'eMetis', 'METIS'),
      ],
      store: { path: ':memory:' },
    });
    store = openSqliteStore(':memory:');
    poller = new Poller({ config, store, rpcs: new Map([[1088, createFailoverRpc({ chainId: 1088, urls: [proxy.url], timeoutMs: 10_000 })]]), logger: silentLogger });
    const first = await poller.runCycle();
    expect(first.failures).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    store?.close();
    await proxy?.close();
    await anvil?.stop();
  });

  it('GIVEN the fixtures THEN they have every view the reader uses, with the mainnet signatures, and the typed ABIs match solc', () => {
    const signatures = (abi: Abi) =>
      abi.flatMap((item) => (item.type === 'function' ? [`${item.name}(${item.inputs.map((i) => i.type).join(',')}) -> (${item.outputs.map((o) => o.type).join(',')})`] : []));
    for (const [name, abis] of [
      ['MockCamelotPair', [mockCamelotPairAbi, camelotPairAbi]],
      ['MockSolidlyPair', [mockSolidlyPairAbi, solidlyPairAbi]],
    ] as const) {
      const compiledSignatures = signatures(compiled[name].abi);
      for (const abi of abis) for (const signature of signatures(abi)) expect(compiledSignatures, `${name}: ${signature}`).toContain(signature);
    }
  });

  it('GIVEN a Camelot pair with stableSwap() true THEN its price is on the curve, 13/14, and the reply knows it is stable', () => {
    expect(value(pool('camelotStable').price)).toBeCloseTo(13 / 14, 14);
    expect(pool('camelotStable').stableCurve).toBe(true);
    // eMetis is a 1:1 claim on METIS: 13/14 − 1 = −714.29 bps.
    expect(value(pool('camelotStable').depegBps)).toBeCloseTo((13 / 14 - 1) * 10_000, 6);
    expect(store.latestObservation('camelotStable')?.values).toMatchObject({ reserve0: 2_000_000n * E18, reserve1: 1_000_000n * E18, stable: 1n, assetIsToken0: 1n });
  });

  it('GIVEN a Solidly pair with stable() true and 6/18 decimals THEN its price is on the curve in whole tokens, 14/13', () => {
    expect(value(pool('solidlyStable').price)).toBeCloseTo(14 / 13, 14);
    expect(pool('solidlyStable').stableCurve).toBe(true);
    expect(store.latestObservation('solidlyStable')?.values).toMatchObject({ stable: 1n, decimals0: 6n, decimals1: 18n });
  });

  it('GIVEN volatile Camelot and Solidly pairs and a plain V2 pair THEN the reserve ratio, 0.5, stored as stable 0', () => {
    for (const id of ['camelotVolatile', 'solidlyVolatile', 'plainV2'] as const) {
      expect(value(pool(id).price)).toBe(0.5);
      expect(pool(id).stableCurve).toBeUndefined();
      expect(store.latestObservation(id)?.values.stable).toBe(0n);
      // Constant product: 2,000,000 × 0.01 / 0.99 of the asset.
      expect(value(pool(id).exitLiquidity1pct)).toBeCloseTo(2_000_000 / 99, 6);
    }
  });

  it('GIVEN the 1 % exit of the Camelot stable pair sold through its own getAmountOut (Newton in 1e18) THEN an average 1 % under spot', async () => {
    const exit = value(pool('camelotStable').exitLiquidity1pct);
    expect(exit).toBeCloseTo(value(stablePairExitLiquidity({ reserve0: 2_000_000n * E18, reserve1: 1_000_000n * E18, decimals0: 18, decimals1: 18, assetIsToken0: true }, 0.01)), 6);
    const amountIn = BigInt(Math.round(exit * 1e6)) * 10n ** 12n;
    await mined(await chain.walletClient.writeContract({ address: pools.camelotStable, abi: mockCamelotPairAbi, functionName: 'setFeePercent', args: [0, 0] }));
    const out = await chain.publicClient.readContract({ address: pools.camelotStable, abi: mockCamelotPairAbi, functionName: 'getAmountOut', args: [amountIn, tokens.eMetis] });
    const average = Number(out) / Number(amountIn);
    expect(average / (13 / 14)).toBeCloseTo(0.99, 9);
  });

  it('GIVEN the Solidly fixture THEN metadata() reports what the reader used: 10^decimals, reserves, stable', async () => {
    const [dec0, dec1, r0, r1, st] = await chain.publicClient.readContract({ address: pools.solidlyStable, abi: mockSolidlyPairAbi, functionName: 'metadata' });
    expect([dec0, dec1, r0, r1, st]).toEqual([E6, E18, 1_000_000n * E6, 2_000_000n * E18, true]);
  });

  it('GIVEN the Camelot owner switches a volatile pair to stable THEN the next cycle prices it on the curve, in one eth_call', async () => {
    await mined(
      await chain.walletClient.writeContract({ address: pools.camelotVolatile, abi: mockCamelotPairAbi, functionName: 'setStableSwap', args: [true, 2_000_000n * E18, 1_000_000n * E18] }),
    );
    proxy.reset();
    await poller.runCycle();
    expect(proxy.methods.filter((m) => m === 'eth_call')).toHaveLength(1);
    expect(value(pool('camelotVolatile').price)).toBeCloseTo(13 / 14, 14);
    expect(store.latestObservation('camelotVolatile')?.values.stable).toBe(1n);
    expect(value(pool('plainV2').price)).toBe(0.5);
  });
});
