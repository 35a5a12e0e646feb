import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { Figure } from '../../src/core/figure.ts';
import { DEVNET_ADDRESSES } from '../../src/devnet/devnetAddresses.ts';
import { mockLockingPoolAbi } from '../../src/devnet/fixtureAbis.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { PoolFigures } from '../../src/figures/figures.ts';
import { Poller } from '../../src/poller/poller.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy.ts';
import { startLogsCapProxy, type LogsCapProxy } from '../helpers/logsCapProxy.ts';

/** The L1 provider refuses eth_getLogs over this many blocks (Alchemy's words); the config asks for far more. */
const CAPPED_BLOCKS = 8;
const STEPS = 12;
const STEP_SECONDS = 2 * 3600;

/**
 * config/devnet.yaml as a whole (sequencer rewards on L1; on L2 the real Uniswap V2/V3 pools, the real Algebra
 * artMETIS/WMETIS pool and the Camelot-style stable pair) with L1 behind a provider that caps eth_getLogs.
 * What crosses the wire is counted at proxies in front of each anvil, not inside the bot.
 */
describe('a config with an Algebra pool, a stable pair and a capped L1 RPC, end to end', () => {
  let devnet: Devnet;
  let capped: LogsCapProxy;
  let l1Count: CountingProxy;
  let l2Count: CountingProxy;
  let config: Config;
  let store: HistoryStore;
  let poller: Poller;
  let batches: bigint;
  /** Every log the bot reads on L1: the LockingPool's reward logs and LockingInfo's sequencer logs, counted at the chain. */
  let l1Logs: number;
  let firstFailures: unknown[];
  let firstNewEvents: number;

  const value = (f: Figure) => (f.ok ? f.value : Number.NaN);
  const pool = (id: string): PoolFigures => {
    const f = poller.snapshot().sources.find((s) => s.id === id)?.figures;
    if (f?.kind !== 'pool') throw new Error(`${id} has no pool figures`);
    return f;
  };

  beforeAll(async () => {
    devnet = await startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } });
    // Twelve 2 h steps: twelve reward batches spread over L1 blocks with empty blocks between them.
    for (let i = 0; i < STEPS; i++) {
      await devnet.deployment.l1.testClient.mine({ blocks: 5 });
      await devnet.scenario.advance(STEP_SECONDS);
    }
    batches = await devnet.deployment.l1.publicClient.readContract({ address: DEVNET_ADDRESSES.l1.lockingPool, abi: mockLockingPoolAbi, functionName: 'currentBatch' });
    l1Logs = (await devnet.deployment.l1.publicClient.getLogs({ address: [DEVNET_ADDRESSES.l1.lockingPool, DEVNET_ADDRESSES.l1.lockingInfo], fromBlock: 0n, toBlock: 'latest' })).length;

    capped = await startLogsCapProxy(devnet.l1.url, { style: 'block-range', maxBlocks: CAPPED_BLOCKS });
    [l1Count, l2Count] = await Promise.all([startCountingProxy(capped.url), startCountingProxy(devnet.l2.url)]);
    const base = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: l1Count.url, DEVNET_L2_RPC: l2Count.url, METIS_BOT_DB: ':memory:' });
    // Further back than the chain is long: the first start reads every reward event from block 0.
    config = configSchema.parse({ ...base, sources: base.sources.map((s) => (s.kind === 'sequencer' ? { ...s, logsLookbackBlocks: 100_000 } : s)) });
    store = openSqliteStore(':memory:');
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 10_000 })]));
    const time = devnet.scenario.state().time * 1000;
    poller = new Poller({ config, store, rpcs, logger: silentLogger, now: () => time });
    const report = await poller.runCycle();
    firstFailures = [...report.failures];
    firstNewEvents = report.newEvents;
  }, 180_000);

  afterAll(async () => {
    store?.close();
    await Promise.all([l1Count?.close(), l2Count?.close()]);
    await capped?.close();
    await devnet?.stop();
  });

  it('GIVEN the capped L1 THEN the first start reads every reward event once, in ranges the provider accepts', () => {
    expect(firstFailures).toEqual([]);
    expect(batches).toBe(BigInt(STEPS));
    const stored = store.recentEvents('sequencer', 'DistributeReward', 10_000).map((e) => e.args.batchId!);
    expect([...stored].sort((a, b) => (a < b ? -1 : 1))).toEqual(Array.from({ length: STEPS }, (_, i) => BigInt(i + 1)));
    // The reward batches and the deployed sequencers' lock logs, each stored once.
    expect(firstNewEvents).toBe(l1Logs);
    expect(l1Logs).toBeGreaterThan(STEPS);
    const served = capped.requests.filter((r) => r.outcome === 'served');
    expect(capped.requests.some((r) => r.outcome === 'refused')).toBe(true);
    for (const r of served) expect(Number(r.toBlock - r.fromBlock + 1n)).toBeLessThanOrEqual(CAPPED_BLOCKS);
    expect(served.reduce((sum, r) => sum + r.logs, 0)).toBe(l1Logs); // each log crossed the wire once
  });

  it('GIVEN the Algebra pool THEN artMETIS is priced in WMETIS near the Artemis rate, with its 30 min TWAP from its oracle', () => {
    const f = pool('artMetis-WMETIS');
    const state = devnet.scenario.state();
    const rate = Number(state.l2.artemisTotalDeposits) / Number(state.l2.artMetisSupply);
    expect(value(f.fairValue)).toBeCloseTo(rate, 9);
    expect(value(f.price)).toBeCloseTo(Number(state.l2.pools.algebraWmetisArtMetis.priceE18) / 1e18, 6);
    expect(Math.abs(value(f.depegBps))).toBeLessThanOrEqual(21); // the scenario's ±20 bps wobble
    expect(f.twapPrice.ok).toBe(true);
    expect(Math.abs(value(f.twapPrice) / value(f.price) - 1)).toBeLessThanOrEqual(1.0001e-4); // held since the step's trade
  });

  it('GIVEN the Camelot stable pair THEN it is priced on its curve, not at the reserve ratio', () => {
    const f = pool('eMetis-WMETIS-stable');
    expect(f.stableCurve).toBe(true);
    // Reserves x = 100,000 WMETIS, y = 130,000 eMetis on x³y + xy³ = k: one eMetis is worth
    // (∂k/∂y)/(∂k/∂x) = (x³ + 3xy²)/(3x²y + y³) = (1 + 3·1.69)/(3·1.3 + 2.197) = 6.07/6.097 WMETIS (in units of
    // 100,000), where the reserve ratio would say 100/130 = 0.769.
    expect(value(f.price)).toBeCloseTo(6.07 / 6.097, 9);
    expect(value(f.fairValue)).toBe(1);
  });

  it('GIVEN every pool THEN each has a price, and a later cycle makes one eth_call per chain', async () => {
    for (const id of ['eMetis-METIS', 'seMetis-METIS', 'METIS-USDC', 'artMetis-WMETIS', 'eMetis-WMETIS-stable']) expect(pool(id).price.ok, id).toBe(true);
    await devnet.scenario.advance(STEP_SECONDS);
    l1Count.reset();
    l2Count.reset();
    const report = await poller.runCycle();
    expect(report.failures).toEqual([]);
    expect(l1Count.methods.filter((m) => m === 'eth_call')).toHaveLength(1);
    expect(l2Count.methods.filter((m) => m === 'eth_call')).toHaveLength(1);
    expect(store.recentEvents('sequencer', 'DistributeReward', 10_000)).toHaveLength(STEPS + 1);
  }, 60_000);
});
