import { afterEach, describe, expect, it } from 'vitest';
import type { SourceOfKind } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { figure } from '../../src/core/figure.ts';
import { yieldFigures } from '../../src/figures/yieldFigures.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';

const E18 = 10n ** 18n;
const HOUR = 3_600;
const DAY = 86_400;
const NOW = 1_800_000_000;
const YEAR = 31_536_000;

describe('yieldFigures: the span each APY really covers', () => {
  let store: Storage;
  afterEach(() => store.close());

  const setUp = (pastPoints: readonly [number, bigint][]) => {
    store = openSqliteStore(':memory:');
    const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const source = config.sources.find((s): s is SourceOfKind<'erc4626'> => s.kind === 'erc4626')!;
    const observation = (blockTime: number, pps: bigint) => ({
      sourceId: source.id, chainId: 1088, blockNumber: BigInt(blockTime), blockTime, observedAt: blockTime * 1000,
      values: { pps, assetDecimals: 18n, totalAssets: 1_000n * E18, totalSupply: 1_000n * E18, shareDecimals: 18n },
    });
    for (const [time, pps] of pastPoints) store.addObservation(observation(time, pps));
    const now = observation(NOW, (E18 * 10_001n) / 10_000n);
    store.addObservation(now);
    return yieldFigures({ source, baseToken: 'eMetis', observation: now, store, baseApy: figure(0.1) });
  };

  it('GIVEN the only share price before the 24 h window 31 h back THEN the 24 h APY is over 31 h, and says so', () => {
    // 1.0000 → 1.0001 in 31 h: (1.0001)^(YEAR / 111,600) − 1 = 2.8660 %.
    const f = setUp([[NOW - 31 * HOUR, E18]]);
    expect(f.apy24h.ok && f.apy24h.value).toBeCloseTo(Math.expm1((YEAR / (31 * HOUR)) * Math.log1p(0.0001)), 12);
    expect(f.apy24h.ok && f.apy24h.value).toBeCloseTo(0.02866, 5);
    expect(f.spans).toEqual({ apy24h: 31 * HOUR });
    // No 7 d point: the spread uses the 24 h APY, and says which.
    expect(f.spreadWindowSeconds).toBe(DAY);
  });

  it('GIVEN a point exactly 24 h and 7 d back THEN spans of one window each; the spread uses 7 d', () => {
    const f = setUp([
      [NOW - 7 * DAY, E18],
      [NOW - DAY, E18],
    ]);
    expect(f.spans).toEqual({ apy24h: DAY, apy7d: 7 * DAY });
    expect(f.spreadWindowSeconds).toBe(7 * DAY);
  });

  it('GIVEN a gap wider than 1.5 windows THEN no APY and no span', () => {
    const f = setUp([[NOW - 37 * HOUR, E18]]);
    expect(f.apy24h.ok).toBe(false);
    expect(f.spans).toEqual({});
  });
});
