import { english } from '../../src/i18n/translator.ts';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { commands } from '../../commands/registry.ts';
import { sourceChart } from '../../src/charts/sourceChart.ts';
import { configSchema, type ChainConfig, type SourceOfKind } from '../../src/config/configSchema.ts';
import type { WrapperLink } from '../../src/core/fairValue.ts';
import { describeMissing, figure, type Figure } from '../../src/core/figure.ts';
import {
  ALGEBRA_MAX_TICK,
  algebraPoolTestAbi,
  deployAlgebraKit,
  deployAlgebraPool,
  mintAlgebraPosition,
  swapAlgebra,
  type AlgebraKit,
  type AlgebraPoolDeployment,
} from '../../src/devnet/algebraPool.ts';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import { compileFixtures, type Fixtures } from '../../src/devnet/compileFixtures.ts';
import { createDevnetChain, deployFixture, type DevnetChain } from '../../src/devnet/devnetChain.ts';
import { MULTICALL3_ADDRESS } from '../../src/vocabulary/chains.ts';
import { devnetErc20Abi } from '../../src/devnet/fixtureAbis.ts';
import { sqrtPriceX96FromPrice } from '../../src/devnet/priceMath.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { PoolFigures } from '../../src/figures/figures.ts';
import { poolFigures } from '../../src/figures/poolFigures.ts';
import { createChainClients } from '../../src/poller/chainClients.ts';
import { Poller } from '../../src/poller/poller.ts';
import { readChain, type ChainReading } from '../../src/poller/readChain.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { createSourceReader } from '../../src/sources/createSourceReader.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

const GENESIS = 1_750_000_000;
const WINDOW = 1_800;
const E18 = 10n ** 18n;

/**
 * The `algebra` source kind against a real Algebra pool (the bytecode @cryptoalgebra/core ships) on anvil:
 * spot from globalState, TWAP from the pool's own getTimepoints oracle, read through the poller's one multicall.
 */
describe('algebra pool source on a real Algebra pool', () => {
  let anvil: AnvilHandle;
  let c: DevnetChain;
  let fixtures: Fixtures;
  let kit: AlgebraKit;
  let art: Address;
  let wmetis: Address;
  let main: AlgebraPoolDeployment;

  const chain = (): ChainConfig => ({ id: 1088, name: 'Metis (anvil)', rpc: [anvil.url], logsMaxRange: 10_000, blockTimeWindow: 10_000 });
  const source = (p: { id: string; pool: Address; asset: 'artMETIS' | 'WMETIS'; twapSeconds?: number }): SourceOfKind<'algebra'> => ({
    id: p.id,
    kind: 'algebra',
    chain: 1088,
    pool: p.pool,
    asset: p.asset,
    assetAddress: p.asset === 'artMETIS' ? art : wmetis,
    quote: p.asset === 'artMETIS' ? 'WMETIS' : 'artMETIS',
    twapSeconds: p.twapSeconds ?? WINDOW,
  });

  /** One read as a poll cycle makes it: metadata, then one Multicall3 eth_call with the block it was read at. */
  async function read(sources: readonly SourceOfKind<'algebra'>[]): Promise<ChainReading> {
    const rpc = createFailoverRpc({ chainId: 1088, urls: [anvil.url], timeoutMs: 10_000 });
    const store = openSqliteStore(':memory:');
    try {
      return await readChain({ clients: createChainClients(chain(), rpc), readers: sources.map((s) => createSourceReader(s)), store, measureBlockTime: false, now: () => 0, readEvents: false });
    } finally {
      store.close();
    }
  }

  // artMETIS is worth 1.05 WMETIS (its fair value); the other direction is its inverse.
  const links = new Map<string, WrapperLink>([['artMETIS', { base: 'WMETIS', rate: figure(1.05) }]]);
  const figuresOf = (reading: ChainReading, s: SourceOfKind<'algebra'>): PoolFigures => {
    const observation = reading.observations.find((o) => o.sourceId === s.id);
    if (!observation) throw new Error(`${s.id} was not read: ${JSON.stringify(reading.failures)}`);
    return poolFigures({ source: s, observation, links });
  };
  const value = (f: Figure) => (f.ok ? f.value : Number.NaN);
  const globalState = async (pool: Address) => c.publicClient.readContract({ address: pool, abi: algebraPoolTestAbi, functionName: 'globalState' });
  /** Whole tokens at 1.0001^tick for token0 in token1 (both 18 decimals). */
  const atTick = (tick: number) => 1.0001 ** tick;

  async function mintTo(token: Address, amount: bigint) {
    const hash = await c.walletClient.writeContract({ address: token, abi: devnetErc20Abi, functionName: 'mint', args: [c.walletClient.account.address, amount] });
    await c.publicClient.waitForTransactionReceipt({ hash });
  }

  async function mineAt(timestamp: number) {
    await c.testClient.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
    await c.testClient.mine({ blocks: 1 });
  }

  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 1088, timestamp: GENESIS, disableCodeSizeLimit: true });
    c = createDevnetChain(1088, anvil.url);
    fixtures = await compileFixtures();
    await c.testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: fixtures.Multicall3.deployedBytecode });
    art = await deployFixture(c.walletClient, c.publicClient, fixtures, 'DevnetERC20', ['Artemis artMETIS', 'artMETIS', 18]);
    wmetis = await deployFixture(c.walletClient, c.publicClient, fixtures, 'DevnetERC20', ['Wrapped Metis', 'WMETIS', 18]);
    for (const token of [art, wmetis]) await mintTo(token, 10_000_000n * E18);
    kit = await deployAlgebraKit(c, fixtures);

    // One artMETIS = 1.05 WMETIS, whichever token sorts first.
    const artIsToken0 = BigInt(art) < BigInt(wmetis);
    const [token0, token1] = artIsToken0 ? [art, wmetis] : [wmetis, art];
    const price = artIsToken0 ? { num: 105n, den: 100n } : { num: 100n, den: 105n };
    main = await deployAlgebraPool(c, { token0, token1, sqrtPriceX96: sqrtPriceX96FromPrice(price, 18, 18), kit });
    await mintAlgebraPosition(c, kit, { pool: main.pool, bottomTick: -ALGEBRA_MAX_TICK, topTick: ALGEBRA_MAX_TICK, liquidity: 1_000_000n * E18 });
    // Hold that price for an hour: longer than the TWAP window.
    const now = Number((await c.publicClient.getBlock()).timestamp);
    await mineAt(now + 3_600);
  }, 120_000);

  afterAll(async () => {
    await anvil?.stop();
  });

  it('GIVEN a price held longer than the window THEN spot is globalState().price and the TWAP is its very tick', async () => {
    const artSource = source({ id: 'art', pool: main.pool, asset: 'artMETIS' });
    const reading = await read([artSource]);
    expect(reading.failures).toEqual([]);
    const [sqrtPrice, tick] = await globalState(main.pool);
    const values = reading.observations[0]!.values;
    expect(values.sqrtPriceX96).toBe(sqrtPrice);
    expect(values.twapSeconds).toBe(BigInt(WINDOW));
    expect(values.twapTickCumulativeDelta).toBe(BigInt(tick) * BigInt(WINDOW));

    const f = figuresOf(reading, artSource);
    const artIsToken0 = values.assetIsToken0 === 1n;
    // Spot within the pool's own tick: between 1.0001^tick and 1.0001^(tick+1), as seen from the asset's side.
    const [low, high] = artIsToken0 ? [atTick(tick), atTick(tick + 1)] : [1 / atTick(tick + 1), 1 / atTick(tick)];
    expect(value(f.price)).toBeGreaterThanOrEqual(low);
    expect(value(f.price)).toBeLessThan(high);
    expect(value(f.price)).toBeCloseTo(1.05, 6);
    expect(value(f.twapPrice)).toBeCloseTo(artIsToken0 ? atTick(tick) : 1 / atTick(tick), 9);
    expect(Math.abs(value(f.twapDepegBps))).toBeLessThan(1.01); // the TWAP is one tick's price: within 1 bp of fair
    expect(f.twapSeconds).toBe(WINDOW);
    expect(value(f.exitLiquidity1pct!)).toBeGreaterThan(0);
  });

  it('GIVEN a swap inside the window THEN the TWAP is the time-weighted mean of the two ticks, both token orders', async () => {
    const [, tickBefore] = await globalState(main.pool);
    const start = Number((await c.publicClient.getBlock()).timestamp);
    // Sell artMETIS into the pool: its price falls below fair.
    await c.testClient.setNextBlockTimestamp({ timestamp: BigInt(start + 60) });
    await swapAlgebra(c, kit, { pool: main.pool, zeroToOne: BigInt(art) < BigInt(wmetis), amountIn: 20_000n * E18 });
    const swappedAt = Number((await c.publicClient.getBlock()).timestamp);
    const [, tickAfter] = await globalState(main.pool);
    expect(tickAfter).not.toBe(tickBefore);
    await mineAt(swappedAt + 600);

    const artSource = source({ id: 'art', pool: main.pool, asset: 'artMETIS' });
    const wmetisSource = source({ id: 'wmetis', pool: main.pool, asset: 'WMETIS' });
    const reading = await read([artSource, wmetisSource]);
    expect(reading.failures).toEqual([]);
    const head = reading.head!.time;
    // Before the swap block the old tick was in force, from it the new one (the oracle writes at the swap's block).
    const expected = BigInt(tickBefore) * BigInt(swappedAt - (head - WINDOW)) + BigInt(tickAfter) * BigInt(head - swappedAt);
    const [artValues, wmetisValues] = reading.observations.map((o) => o.values);
    expect(artValues!.twapTickCumulativeDelta).toBe(expected);
    expect(wmetisValues!.twapTickCumulativeDelta).toBe(expected);
    expect([artValues!.assetIsToken0, wmetisValues!.assetIsToken0].sort()).toEqual([0n, 1n]);

    const meanTick = Math.floor(Number(expected) / WINDOW);
    const a = figuresOf(reading, artSource);
    const w = figuresOf(reading, wmetisSource);
    const token0InToken1 = atTick(meanTick);
    expect(value(a.twapPrice)).toBeCloseTo(artValues!.assetIsToken0 === 1n ? token0InToken1 : 1 / token0InToken1, 9);
    // The two directions are each other's inverse, spot and TWAP.
    expect(value(a.price) * value(w.price)).toBeCloseTo(1, 12);
    expect(value(a.twapPrice) * value(w.twapPrice)).toBeCloseTo(1, 12);
    // Sold below fair: spot depeg negative and larger than the TWAP's, which still holds part of the old price.
    expect(value(a.depegBps)).toBeLessThan(value(a.twapDepegBps));
    expect(value(a.twapDepegBps)).toBeLessThan(0);
  });

  it('GIVEN a pool younger than its TWAP window THEN getTimepoints reverts OLD, spot is kept and the TWAP says why', async () => {
    // Same tokens, so another deployer (the CREATE2 salt is the token pair).
    const young = await deployAlgebraPool(c, { token0: main.token0, token1: main.token1, sqrtPriceX96: 2n ** 96n, kit: await deployAlgebraKit(c, fixtures) });
    await mintAlgebraPosition(c, young, { pool: young.pool, bottomTick: -600, topTick: 600, liquidity: 1_000n * E18 });
    const youngSource = source({ id: 'young', pool: young.pool, asset: 'artMETIS' });
    const reading = await read([youngSource]);
    expect(reading.failures).toEqual([]);
    const values = reading.observations[0]!.values;
    expect(values.sqrtPriceX96).toBe(2n ** 96n);
    expect(values.twapOracleTooShort).toBe(1n);
    expect(values.twapTickCumulativeDelta).toBeUndefined();
    const f = figuresOf(reading, youngSource);
    expect(value(f.price)).toBeCloseTo(1, 12);
    expect(f.twapPrice).toEqual({ ok: false, missing: 'oracle-too-short' });
    expect(describeMissing(english, 'oracle-too-short')).toBe('pool oracle does not reach back that far');

    // Two minutes on, a one-minute window is covered and reads a TWAP.
    await mineAt(Number((await c.publicClient.getBlock()).timestamp) + 120);
    const short = await read([{ ...youngSource, twapSeconds: 60 }]);
    expect(short.observations[0]!.values.twapOracleTooShort).toBeUndefined();
    expect(short.observations[0]!.values.twapTickCumulativeDelta).toBe(0n); // tick 0 throughout
  });

  it('GIVEN twapSeconds 0 THEN only globalState and liquidity are read and there is no TWAP', async () => {
    const off = source({ id: 'off', pool: main.pool, asset: 'artMETIS', twapSeconds: 0 });
    expect(createSourceReader(off).calls().map((call) => call.functionName)).toEqual(['globalState', 'liquidity']);
    const reading = await read([off]);
    expect(figuresOf(reading, off).twapPrice).toEqual({ ok: false, missing: 'twap-off' });
  });

  it('GIVEN a poller with an algebra source THEN its figures, /apy, /leverage and /chart treat it as a pool like V3', async () => {
    const config = configSchema.parse({
      chains: [chain()],
      tokens: { WMETIS: {}, artMETIS: { base: 'WMETIS' } },
      tower: { baseToken: 'WMETIS' },
      sources: [{ id: 'art', kind: 'algebra', chain: 1088, pool: main.pool, asset: 'artMETIS', assetAddress: art, quote: 'WMETIS' }],
    });
    const store = openSqliteStore(':memory:');
    const rpc = createFailoverRpc({ chainId: 1088, urls: [anvil.url], timeoutMs: 10_000 });
    let wall = 1_800_000_000_000;
    const poller = new Poller({ config, store, rpcs: new Map([[1088, rpc]]), logger: silentLogger, now: () => wall });
    try {
      for (let i = 0; i < 2; i++) {
        await mineAt(Number((await c.publicClient.getBlock()).timestamp) + 300);
        wall += 300_000;
        expect((await poller.runCycle()).failures).toEqual([]);
      }
      const view = poller.snapshot().sources.find((v) => v.id === 'art')!;
      expect(view.label).toBe('artMETIS/WMETIS');
      const f = view.figures;
      if (f?.kind !== 'pool') throw new Error(`art has no pool figures: ${JSON.stringify(f)}`);
      expect(f.twapSeconds).toBe(WINDOW);
      expect(value(f.twapPrice)).toBeGreaterThan(0);
      expect(value(f.exitLiquidity5pct!)).toBeGreaterThan(value(f.exitLiquidity1pct!));

      const context = { snapshot: () => poller.snapshot(), now: () => wall, commands: () => commands, history: store };
      expect(renderText(handleCommandText('/apy', context)!)).toContain('artMETIS/WMETIS');
      expect(renderText(handleCommandText('/leverage', context)!)).toMatch(/artMETIS\/WMETIS .*artMETIS/);
      const chart = sourceChart({ view, history: store, window: '7d', nowMs: wall });
      if (!chart.ok) throw new Error(`no chart: ${chart.reason}`);
      expect(chart.spec.panels.map((panel) => panel.title)).toEqual(['Price, WMETIS per artMETIS', 'Depeg, bps (price ÷ fair value − 1)']);
    } finally {
      store.close();
    }
  });
});
