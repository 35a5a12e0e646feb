import { afterEach, describe, expect, it } from 'vitest';
import type { SourceOfKind } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { figure } from '../../src/core/figure.ts';
import { leverageChanges, TOWER_SOURCE_ID } from '../../src/figures/leverageChanges.ts';
import { sequencerFigures } from '../../src/figures/sequencerFigures.ts';
import { yieldFigures } from '../../src/figures/yieldFigures.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';

const E18 = 10n ** 18n;
const HOUR = 3_600;
const DAY = 86_400;
const NOW = 1_800_000_000;
const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });

/** The figures the alert rules and the digest used to compute from the store themselves: now in the snapshot, each once. */
describe('the 7 d averages, the 7 d changes and the leverage 24 h change (hand-computed)', () => {
  let store: Storage;
  afterEach(() => store.close());

  const vault = () => {
    const source = config.sources.find((s): s is SourceOfKind<'erc4626'> => s.kind === 'erc4626')!;
    const observation = (blockTime: number, pps: bigint) => ({
      sourceId: source.id, chainId: 1088, blockNumber: BigInt(blockTime), blockTime, observedAt: blockTime * 1000,
      values: { pps, assetDecimals: 18n, totalAssets: 1_000n * E18, totalSupply: 1_000n * E18, shareDecimals: 18n },
    });
    // Share price 1.0000 a day ago, 1.0001 now: apy24h = 1.0001^365 − 1 = 3.7172 %.
    store.addObservation(observation(NOW - DAY, E18));
    const now = observation(NOW, (E18 * 10_001n) / 10_000n);
    store.addObservation(now);
    return yieldFigures({ source, baseToken: 'eMetis', observation: now, store, baseApy: figure(0.1) });
  };

  it('GIVEN apy24h stored at 7 d, 3 d, 1 d back and now THEN the 7 d average is of the two strictly inside: (26.00 + 27.10) / 2 = 26.55 %', () => {
    store = openSqliteStore(':memory:');
    store.addMetrics('seMetis', NOW - 7 * DAY, { apy24h: 0.1 });
    store.addMetrics('seMetis', NOW - 3 * DAY, { apy24h: 0.26 });
    store.addMetrics('seMetis', NOW - DAY, { apy24h: 0.271 });
    store.addMetrics('seMetis', NOW, { apy24h: 0.5 });
    const f = vault();
    expect(f.apy24h.ok && f.apy24h.value).toBeCloseTo(0.037172, 6);
    expect(f.apy24hAverage7d).toEqual(figure(0.2655));
    // The 7 d change is against the value stored 7 d back: 3.7172 % − 10.00 % = −6.2828 pp.
    expect(f.apyChange7d?.ok && f.apyChange7d.value).toBeCloseTo(0.037172 - 0.1, 6);
  });

  it('GIVEN no apy24h stored in the window, and the newest before it 10.6 d back THEN both are missing for want of history', () => {
    store = openSqliteStore(':memory:');
    store.addMetrics('seMetis', NOW - 10.6 * DAY, { apy24h: 0.1 });
    const f = vault();
    expect(f.apy24h.ok).toBe(true);
    expect(f.apy24hAverage7d).toEqual({ ok: false, missing: 'not-enough-history' });
    expect(f.apyChange7d).toEqual({ ok: false, missing: 'not-enough-history' });
  });

  it('GIVEN APR × block time stored as 0.20 × 5 s and 0.15 × 4 s THEN the sequencer average is (1.0 + 0.6) / 2 / 4 s = 20 % at today\'s 4 s', () => {
    store = openSqliteStore(':memory:');
    const source = config.sources.find((s): s is SourceOfKind<'sequencer'> => s.kind === 'sequencer')!;
    store.addMetrics(source.id, NOW - 6 * DAY, { nominalApr: 0.2, blockTimeSeconds: 5 });
    store.addMetrics(source.id, NOW - 2 * DAY, { nominalApr: 0.15, blockTimeSeconds: 4 });
    // An APR stored without its block time has no per-block yield: left out.
    store.addMetrics(source.id, NOW - DAY, { nominalApr: 0.9 });
    store.addMetrics(source.id, NOW - 7 * DAY - HOUR, { nominalApy: 0.16 });
    const observation = { sourceId: source.id, chainId: 1, blockNumber: 200n, blockTime: NOW, observedAt: NOW * 1000, values: { rewardPerBlock: E18 / 100n, totalLocked: 2_000_000n * E18, exitDelay: 0n } };
    const f = sequencerFigures({ source, observation, store, measuredBlockTime: figure(4) });
    expect(f.nominalAprAverage7d?.ok && f.nominalAprAverage7d.value).toBeCloseTo(0.2, 12);
    // 0.01 METIS × 7,884,000 blocks a year / 2,000,000 locked = 3.942 % APR; daily compounding: 4.0210 % APY.
    expect(f.nominalApr.ok && f.nominalApr.value).toBeCloseTo(0.03942, 12);
    expect(f.nominalApyChange7d?.ok && f.nominalApyChange7d.value).toBeCloseTo((1 + 0.03942 / 365) ** 365 - 1 - 0.16, 12);
  });

  it('GIVEN 1.119× stored 30 h back and 1.000× 7 d back THEN one past point: +0.159× and +14.21 % over 24 h, +0.278× over 7 d', () => {
    store = openSqliteStore(':memory:');
    store.addMetrics(TOWER_SOURCE_ID, NOW - 7 * DAY, { leverage: 1 });
    store.addMetrics(TOWER_SOURCE_ID, NOW - 30 * HOUR, { leverage: 1.119 });
    const c = leverageChanges(store, figure(1.278), NOW);
    expect(c.leverage24hAgo).toEqual(figure(1.119));
    expect(c.leverageChange24h.ok && c.leverageChange24h.value).toBeCloseTo(0.159, 12);
    expect(c.leverageRelativeChange24h.ok && c.leverageRelativeChange24h.value).toBeCloseTo(0.142091152815, 10);
    expect(c.leverageChange7d.ok && c.leverageChange7d.value).toBeCloseTo(0.278, 12);
  });

  it('GIVEN the newest leverage before 24 h back stored 37 h back THEN no 24 h change of either kind (half a window of tolerance)', () => {
    store = openSqliteStore(':memory:');
    store.addMetrics(TOWER_SOURCE_ID, NOW - 37 * HOUR, { leverage: 1.119 });
    const c = leverageChanges(store, figure(1.278), NOW);
    expect(c.leverage24hAgo).toEqual({ ok: false, missing: 'not-enough-history' });
    expect(c.leverageChange24h).toEqual({ ok: false, missing: 'not-enough-history' });
    expect(c.leverageRelativeChange24h).toEqual({ ok: false, missing: 'not-enough-history' });
  });
});
