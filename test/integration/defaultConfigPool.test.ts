import { PassThrough } from 'node:stream';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import type { Config, SourceOfKind } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { Figure } from '../../src/core/figure.ts';
import {
  ALGEBRA_MAX_TICK,
  algebraPoolTestAbi,
  deployAlgebraKit,
  deployAlgebraPool,
  mintAlgebraPosition,
  swapAlgebra,
  type AlgebraKit,
} from '../../src/devnet/algebraPool.ts';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import { compileFixtures } from '../../src/devnet/compileFixtures.ts';
import { createDevnetChain, deployFixture, type DevnetChain } from '../../src/devnet/devnetChain.ts';
import { MULTICALL3_ADDRESS } from '../../src/vocabulary/chains.ts';
import { devnetErc20Abi, mockDepositPoolAbi } from '../../src/devnet/fixtureAbis.ts';
import { sqrtPriceX96FromPrice } from '../../src/devnet/priceMath.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { PoolFigures } from '../../src/figures/figures.ts';
import { envFrom } from '../helpers/fakePlatformEnv.ts';

const GENESIS = 1_760_000_000;
const CYCLE = 300;
const BLOCK_TIME = 4;
const E18 = 10n ** 18n;
const POOL = 'artMetis-WMETIS';
/** Artemis: 210,000 METIS deposited for 200,000 artMETIS, so one artMETIS is worth 1.05 METIS, hence 1.05 WMETIS. */
const DEPOSITS = 210_000n * E18;
const SUPPLY = 200_000n * E18;
const RATE = 1.05;

/**
 * config/default.yaml's own artMETIS entries, unchanged but for their addresses: its tokens, the Artemis
 * exchange-rate source and the Hercules `kind: algebra` pool, pointed at a local deployment on an anvil with
 * chain id 1088 (a real Algebra pool from @cryptoalgebra/core, the Artemis deposit-pool fixture, DevnetERC20
 * tokens). The pool is moved by real swaps and the chain by mined blocks, so the TWAP comes from the pool's oracle.
 */
describe("default config's artMETIS/WMETIS Algebra pool, end to end on a local chain 1088", () => {
  let anvil: AnvilHandle;
  let c: DevnetChain;
  let kit: AlgebraKit;
  let pool: Address;
  let art: Address;
  let wmetis: Address;
  let app: App;
  let wall = GENESIS * 1000;
  let shippedCycles = 0;
  let printed = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));

  const value = (f: Figure) => (f.ok ? f.value : Number.NaN);
  const figures = (): PoolFigures => {
    const f = app.poller.snapshot().sources.find((s) => s.id === POOL)?.figures;
    if (f?.kind !== 'pool') throw new Error(`${POOL} has no pool figures`);
    return f;
  };
  const depegAlerts = () => printed.match(/Depeg (warning|critical|escalated|over)[^\n]*/g) ?? [];

  /** WMETIS is token0 or token1 depending on the addresses: the pool price of token0 in token1 for artMETIS at `price` WMETIS. */
  const sqrtPriceFor = (price: number) => {
    const ratio = { num: BigInt(Math.round(price * 1e6)), den: 1_000_000n };
    return BigInt(art) < BigInt(wmetis) ? sqrtPriceX96FromPrice(ratio, 18, 18) : sqrtPriceX96FromPrice({ num: ratio.den, den: ratio.num }, 18, 18);
  };

  /** Swaps the pool to `price` (artMETIS in WMETIS) exactly, through its own swap. */
  async function tradeTo(price: number): Promise<void> {
    const target = sqrtPriceFor(price);
    const [current] = await c.publicClient.readContract({ address: pool, abi: algebraPoolTestAbi, functionName: 'globalState' });
    if (target === current) return;
    await swapAlgebra(c, kit, { pool, zeroToOne: target < current, amountIn: 1_000_000n * E18, limitSqrtPrice: target });
  }

  /** Five minutes of 4 s blocks, then one poll cycle at that time; its alerts are delivered to the console chat. */
  async function cycle(): Promise<void> {
    await c.testClient.mine({ blocks: CYCLE / BLOCK_TIME });
    wall = Number((await c.publicClient.getBlock()).timestamp) * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  beforeAll(async () => {
    const [handle, fixtures] = await Promise.all([startAnvil({ chainId: 1088, timestamp: GENESIS, disableCodeSizeLimit: true }), compileFixtures()]);
    anvil = handle;
    c = createDevnetChain(1088, anvil.url);
    await c.testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: fixtures.Multicall3.deployedBytecode });
    art = await deployFixture(c.walletClient, c.publicClient, fixtures, 'DevnetERC20', ['Artemis artMETIS', 'artMETIS', 18]);
    wmetis = await deployFixture(c.walletClient, c.publicClient, fixtures, 'DevnetERC20', ['Wrapped Metis', 'WMETIS', 18]);
    const depositPool = await deployFixture(c.walletClient, c.publicClient, fixtures, 'MockDepositPool');
    const me = c.walletClient.account.address;
    for (const [token, amount] of [[art, SUPPLY], [wmetis, 10_000_000n * E18]] as const) {
      await c.publicClient.waitForTransactionReceipt({ hash: await c.walletClient.writeContract({ address: token, abi: devnetErc20Abi, functionName: 'mint', args: [me, amount] }) });
    }
    await c.publicClient.waitForTransactionReceipt({ hash: await c.walletClient.writeContract({ address: depositPool, abi: mockDepositPoolAbi, functionName: 'setTotalDeposits', args: [DEPOSITS] }) });

    kit = await deployAlgebraKit(c, fixtures);
    const [token0, token1] = BigInt(art) < BigInt(wmetis) ? [art, wmetis] : [wmetis, art];
    ({ pool } = await deployAlgebraPool(c, { token0, token1, sqrtPriceX96: sqrtPriceFor(RATE), kit }));
    await mintAlgebraPosition(c, kit, { pool, bottomTick: -ALGEBRA_MAX_TICK, topTick: ALGEBRA_MAX_TICK, liquidity: 100_000n * E18 });
    await c.testClient.setBlockTimestampInterval({ interval: BLOCK_TIME });

    // The shipped config, as the bot loads it; only where its contracts live changes.
    const shipped = loadConfig('config/default.yaml', {});
    const exchangeRate = shipped.sources.find((s): s is SourceOfKind<'exchange-rate'> => s.id === 'artMetis' && s.kind === 'exchange-rate');
    const algebra = shipped.sources.find((s): s is SourceOfKind<'algebra'> => s.id === POOL && s.kind === 'algebra');
    const metisChain = shipped.chains.find((chain) => chain.id === 1088);
    if (!exchangeRate || !algebra || !metisChain) throw new Error('config/default.yaml no longer has the artMetis and artMetis-WMETIS sources on chain 1088');
    expect(algebra).toMatchObject({ asset: 'artMetis', quote: 'WMETIS', assetSymbol: 'artMETIS', twapSeconds: 1800 });
    expect(shipped.tokens).toMatchObject({ WMETIS: { base: 'METIS' }, artMetis: { base: 'METIS', rateFrom: 'artMetis' } });
    const config: Config = {
      ...shipped,
      store: { ...shipped.store, path: ':memory:' },
      chains: [{ ...metisChain, rpc: [anvil.url] }],
      // The tokens of these two sources (seMetis' rate comes from a source not taken here).
      tokens: { METIS: shipped.tokens.METIS!, WMETIS: shipped.tokens.WMETIS!, artMetis: shipped.tokens.artMetis! },
      sources: [
        { ...exchangeRate, numerator: { ...exchangeRate.numerator, address: depositPool }, denominator: { ...exchangeRate.denominator, address: art } },
        { ...algebra, pool, assetAddress: art },
      ],
    };
    shippedCycles = config.alerts.cycles;
    app = await createApp({ config, env: envFrom({}), logger: silentLogger, now: () => wall, consoleOutput: output });
    app.subscriptions.subscriptions.subscribe({ platform: 'console', chatId: 'console', kind: 'alerts', assets: [POOL] }, wall);
    // An hour at the fair price, so the oracle reaches back over the 30 min window.
    for (let i = 0; i < 12; i++) await cycle();
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await anvil?.stop();
  });

  it('GIVEN the pool at the Artemis rate THEN its price in WMETIS, fair value through WMETIS→METIS, spot and TWAP depeg ≈ 0', () => {
    const f = figures();
    expect(f.asset).toBe('artMetis');
    expect(f.quote).toBe('WMETIS');
    expect(value(f.price)).toBeCloseTo(RATE, 4);
    expect(value(f.fairValue)).toBeCloseTo(RATE, 12); // 210,000 / 200,000 METIS, and 1 WMETIS = 1 METIS
    expect(Math.abs(value(f.depegBps))).toBeLessThan(0.5);
    expect(f.twapPrice.ok).toBe(true);
    expect(Math.abs(value(f.twapDepegBps))).toBeLessThan(1);
    expect(depegAlerts()).toEqual([]);
  });

  it('GIVEN the pool held 1.5 % under fair THEN the TWAP depeg grows with the window and fires exactly one warning, after K cycles past 50 bps', async () => {
    await tradeTo(RATE * 0.985);
    const twap: number[] = [];
    const alerts: number[] = [];
    for (let i = 0; i < 9; i++) {
      await cycle();
      expect(value(figures().depegBps)).toBeCloseTo(-150, 0);
      twap.push(value(figures().twapDepegBps));
      alerts.push(depegAlerts().length);
    }
    // 150 bps × (5, 10, 15 … 30 min) / 30 min, give or take the tick rounding, then held at −150.
    twap.forEach((bps, i) => expect(Math.abs(bps + 25 * Math.min(i + 1, 6)), `cycle ${i + 1}: ${bps} bps`).toBeLessThanOrEqual(3));
    // Spot was past 50 bps from the first cycle; the TWAP crosses it at the 2nd (−50) or 3rd (−75) and must hold
    // cycles: 2 (the shipped alerts.cycles) before it fires.
    expect(shippedCycles).toBe(2);
    expect(alerts.slice(0, 2)).toEqual([0, 0]);
    expect(alerts.at(-1)).toBe(1);
    expect(depegAlerts()).toEqual(['Depeg warning: Hercules artMETIS/WMETIS']);
    // The alert is on the TWAP: between the warning and the critical level, while spot was at −150 bps throughout.
    const said = printed.match(/artMetis trades at ([\d.]+) WMETIS, fair value 1\.0500 WMETIS: −(\d+) bps on the 30 min TWAP price/);
    expect(said).not.toBeNull();
    expect(Number(said![2])).toBeGreaterThanOrEqual(50);
    expect(Number(said![2])).toBeLessThan(150);
    expect(Math.abs((Number(said![1]) / RATE - 1) * 10_000 + Number(said![2]))).toBeLessThanOrEqual(1.1);
  }, 120_000);

  it('GIVEN the pool back at fair THEN the TWAP returns inside the clear level and exactly one recovery follows', async () => {
    await tradeTo(RATE);
    for (let i = 0; i < 10; i++) await cycle();
    expect(Math.abs(value(figures().twapDepegBps))).toBeLessThan(1);
    expect(depegAlerts()).toEqual(['Depeg warning: Hercules artMETIS/WMETIS', expect.stringMatching(/^Depeg over: Hercules artMETIS\/WMETIS/)]);
  }, 120_000);
});
